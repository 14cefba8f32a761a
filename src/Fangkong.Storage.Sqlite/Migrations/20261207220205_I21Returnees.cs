using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I21Returnees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReturneeId",
                table: "quarantine_stays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "other_risk_areas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CountyHasOutbreak = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_other_risk_areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "returnee_follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reached = table.Column<bool>(type: "INTEGER", nullable: false),
                    Symptoms = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_returnee_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "returnees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    StreetId = table.Column<long>(type: "INTEGER", nullable: true),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    GridId = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RiskAreaId = table.Column<long>(type: "INTEGER", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OriginLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    CountyHasOutbreak = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ArrivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Travel = table.Column<int>(type: "INTEGER", nullable: false),
                    TravelNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckpointId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Preset = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Tests = table.Column<int>(type: "INTEGER", nullable: false),
                    TestWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StayId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacementPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_returnees", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_ReturneeId",
                table: "quarantine_stays",
                column: "ReturneeId");

            migrationBuilder.CreateIndex(
                name: "IX_other_risk_areas_County",
                table: "other_risk_areas",
                column: "County");

            migrationBuilder.CreateIndex(
                name: "IX_other_risk_areas_Province_City_County_Name_FromDate",
                table: "other_risk_areas",
                columns: new[] { "Province", "City", "County", "Name", "FromDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returnee_follow_ups_ReturneeId_Day",
                table: "returnee_follow_ups",
                columns: new[] { "ReturneeId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returnees_CommunityId_State",
                table: "returnees",
                columns: new[] { "CommunityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_returnees_DistrictCode_State",
                table: "returnees",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_returnees_GridId_State",
                table: "returnees",
                columns: new[] { "GridId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_returnees_Number",
                table: "returnees",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returnees_PersonId_ArrivedOn",
                table: "returnees",
                columns: new[] { "PersonId", "ArrivedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returnees_RegisteredAtUtc",
                table: "returnees",
                column: "RegisteredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_returnees_SourceKey",
                table: "returnees",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returnees_State_EndsOn",
                table: "returnees",
                columns: new[] { "State", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_returnees_StayId",
                table: "returnees",
                column: "StayId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "other_risk_areas");

            migrationBuilder.DropTable(
                name: "returnee_follow_ups");

            migrationBuilder.DropTable(
                name: "returnees");

            migrationBuilder.DropIndex(
                name: "IX_quarantine_stays_ReturneeId",
                table: "quarantine_stays");

            migrationBuilder.DropColumn(
                name: "ReturneeId",
                table: "quarantine_stays");
        }
    }
}
