using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue16Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "JurisdictionId",
                table: "users",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JurisdictionLevel",
                table: "users",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_problems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    GridId = table.Column<long>(type: "bigint", nullable: true),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaisedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AnsweredByUserId = table.Column<long>(type: "bigint", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "grid_households",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    GridId = table.Column<long>(type: "bigint", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    JointUnitId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grid_households", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "grids",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grids", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "joint_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    GridId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ResponsiblePersonId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_members",
                columns: table => new
                {
                    ScreeningId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    AwayAt = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AwaySince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnedFrom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Needs = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_members", x => new { x.ScreeningId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "screenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    GridId = table.Column<long>(type: "bigint", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    VisitedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<long>(type: "bigint", nullable: false),
                    ByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screenings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "special_group_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    GridId = table.Column<long>(type: "bigint", nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponsiblePhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegisteredByUserId = table.Column<long>(type: "bigint", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedByUserId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_special_group_members", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_CommunityId_State",
                table: "community_problems",
                columns: new[] { "CommunityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_GridId_State",
                table: "community_problems",
                columns: new[] { "GridId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_RaisedByUserId",
                table: "community_problems",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_grid_households_CommunityId_GridId",
                table: "grid_households",
                columns: new[] { "CommunityId", "GridId" });

            migrationBuilder.CreateIndex(
                name: "IX_grid_households_GridId_HouseholdId",
                table: "grid_households",
                columns: new[] { "GridId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_grid_households_JointUnitId",
                table: "grid_households",
                column: "JointUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_grids_CommunityId_Number",
                table: "grids",
                columns: new[] { "CommunityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_joint_units_GridId_Number",
                table: "joint_units",
                columns: new[] { "GridId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screening_members_PersonId",
                table: "screening_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_screenings_CommunityId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "CommunityId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_screenings_GridId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "GridId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_screenings_HouseholdId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "HouseholdId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_special_group_members_active",
                table: "special_group_members",
                columns: new[] { "PersonId", "Group" },
                unique: true,
                filter: "\"EndedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_special_group_members_CommunityId_Group",
                table: "special_group_members",
                columns: new[] { "CommunityId", "Group" });

            migrationBuilder.CreateIndex(
                name: "IX_special_group_members_GridId_Group",
                table: "special_group_members",
                columns: new[] { "GridId", "Group" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_problems");

            migrationBuilder.DropTable(
                name: "grid_households");

            migrationBuilder.DropTable(
                name: "grids");

            migrationBuilder.DropTable(
                name: "joint_units");

            migrationBuilder.DropTable(
                name: "screening_members");

            migrationBuilder.DropTable(
                name: "screenings");

            migrationBuilder.DropTable(
                name: "special_group_members");

            migrationBuilder.DropColumn(
                name: "JurisdictionId",
                table: "users");

            migrationBuilder.DropColumn(
                name: "JurisdictionLevel",
                table: "users");
        }
    }
}
