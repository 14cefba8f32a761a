using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I18Teams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "team_shifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_shifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaderUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    DisbandedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tubes_ResultByUserId_ResultAtUtc",
                table: "tubes",
                columns: new[] { "ResultByUserId", "ResultAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_screenings_ByUserId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "ByUserId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_samples_SamplerUserId_AtUtc",
                table: "samples",
                columns: new[] { "SamplerUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_check_ins_ByUserId_AtUtc",
                table: "quarantine_check_ins",
                columns: new[] { "ByUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_AnsweredByUserId_AnsweredAtUtc",
                table: "community_problems",
                columns: new[] { "AnsweredByUserId", "AnsweredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_team_members_TeamId_UserId",
                table: "team_members",
                columns: new[] { "TeamId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_team_members_UserId",
                table: "team_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_team_shifts_TeamId_Day",
                table: "team_shifts",
                columns: new[] { "TeamId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_team_shifts_UserId_Day",
                table: "team_shifts",
                columns: new[] { "UserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_teams_DistrictCode_Kind",
                table: "teams",
                columns: new[] { "DistrictCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_teams_Name",
                table: "teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "team_shifts");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropIndex(
                name: "IX_tubes_ResultByUserId_ResultAtUtc",
                table: "tubes");

            migrationBuilder.DropIndex(
                name: "IX_screenings_ByUserId_VisitedAtUtc",
                table: "screenings");

            migrationBuilder.DropIndex(
                name: "IX_samples_SamplerUserId_AtUtc",
                table: "samples");

            migrationBuilder.DropIndex(
                name: "IX_quarantine_check_ins_ByUserId_AtUtc",
                table: "quarantine_check_ins");

            migrationBuilder.DropIndex(
                name: "IX_community_problems_AnsweredByUserId_AnsweredAtUtc",
                table: "community_problems");
        }
    }
}
