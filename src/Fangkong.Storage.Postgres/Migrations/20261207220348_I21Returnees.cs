using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "other_risk_areas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Province = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    City = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    County = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CountyHasOutbreak = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_other_risk_areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "returnee_follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ReturneeId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<long>(type: "bigint", nullable: false),
                    ByName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reached = table.Column<bool>(type: "boolean", nullable: false),
                    Symptoms = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_returnee_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "returnees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    StreetId = table.Column<long>(type: "bigint", nullable: true),
                    CommunityId = table.Column<long>(type: "bigint", nullable: true),
                    GridId = table.Column<long>(type: "bigint", nullable: true),
                    WorkerName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RiskAreaId = table.Column<long>(type: "bigint", nullable: true),
                    Origin = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OriginLevel = table.Column<int>(type: "integer", nullable: true),
                    CountyHasOutbreak = table.Column<bool>(type: "boolean", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ArrivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Travel = table.Column<int>(type: "integer", nullable: false),
                    TravelNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    CheckpointId = table.Column<long>(type: "bigint", nullable: true),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Measure = table.Column<int>(type: "integer", nullable: false),
                    Preset = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Tests = table.Column<int>(type: "integer", nullable: false),
                    TestWithinDays = table.Column<int>(type: "integer", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PolicyVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StayId = table.Column<long>(type: "bigint", nullable: true),
                    PlacementPending = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredByUserId = table.Column<long>(type: "bigint", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
