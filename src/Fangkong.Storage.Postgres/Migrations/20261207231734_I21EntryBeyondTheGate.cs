using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I21EntryBeyondTheGate : Migration
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
                name: "checkpoint_duties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CheckpointId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Shift = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoint_duties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "checkpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Location = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ShiftsPerDay = table.Column<int>(type: "integer", nullable: false),
                    FirstShiftStarts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoints", x => x.Id);
                });

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
                name: "pass_uses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PassId = table.Column<long>(type: "bigint", nullable: false),
                    CheckpointId = table.Column<long>(type: "bigint", nullable: false),
                    VehicleCheckId = table.Column<long>(type: "bigint", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pass_uses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "passenger_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    VehicleCheckId = table.Column<long>(type: "bigint", nullable: false),
                    CheckpointId = table.Column<long>(type: "bigint", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Colour = table.Column<int>(type: "integer", nullable: true),
                    Temperature = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    OriginRisk = table.Column<int>(type: "integer", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BoundForCity = table.Column<bool>(type: "boolean", nullable: false),
                    Measure = table.Column<int>(type: "integer", nullable: false),
                    MeasureDays = table.Column<int>(type: "integer", nullable: false),
                    Tests = table.Column<int>(type: "integer", nullable: false),
                    TestWithinDays = table.Column<int>(type: "integer", nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReturneeRegistered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passenger_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "passes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    HolderName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HolderIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Employer = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Route = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Plate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Cargo = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AppliedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Revocation = table.Column<int>(type: "integer", nullable: true),
                    RevocationNote = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    RevokedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passes", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "vehicle_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CheckpointId = table.Column<long>(type: "bigint", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ShiftDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Shift = table.Column<int>(type: "integer", nullable: false),
                    Plate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Origin = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Destination = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    GreenLane = table.Column<bool>(type: "boolean", nullable: false),
                    PassId = table.Column<long>(type: "bigint", nullable: true),
                    PassVerdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    People = table.Column<int>(type: "integer", nullable: false),
                    CheckedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vehicle_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "venue_codes",
                columns: table => new
                {
                    VenueId = table.Column<long>(type: "bigint", nullable: false),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venue_codes", x => x.VenueId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_ReturneeId",
                table: "quarantine_stays",
                column: "ReturneeId");

            migrationBuilder.CreateIndex(
                name: "IX_checkpoint_duties_CheckpointId_Day_Shift_UserId",
                table: "checkpoint_duties",
                columns: new[] { "CheckpointId", "Day", "Shift", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_checkpoint_duties_UserId_Day",
                table: "checkpoint_duties",
                columns: new[] { "UserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_checkpoints_DistrictCode",
                table: "checkpoints",
                column: "DistrictCode");

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
                name: "IX_pass_uses_AtUtc",
                table: "pass_uses",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_pass_uses_PassId",
                table: "pass_uses",
                column: "PassId");

            migrationBuilder.CreateIndex(
                name: "IX_passenger_checks_BoundForCity_ReturneeRegistered",
                table: "passenger_checks",
                columns: new[] { "BoundForCity", "ReturneeRegistered" });

            migrationBuilder.CreateIndex(
                name: "IX_passenger_checks_PersonId",
                table: "passenger_checks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_passenger_checks_VehicleCheckId",
                table: "passenger_checks",
                column: "VehicleCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_passes_DecidedAtUtc",
                table: "passes",
                column: "DecidedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_passes_PersonId",
                table: "passes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_passes_RevokedAtUtc",
                table: "passes",
                column: "RevokedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_passes_SourceKey",
                table: "passes",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_passes_State_Id",
                table: "passes",
                columns: new[] { "State", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_vehicle_checks_CheckpointId_ShiftDay_Shift",
                table: "vehicle_checks",
                columns: new[] { "CheckpointId", "ShiftDay", "Shift" });

            migrationBuilder.CreateIndex(
                name: "IX_vehicle_checks_DistrictCode_ShiftDay",
                table: "vehicle_checks",
                columns: new[] { "DistrictCode", "ShiftDay" });

            migrationBuilder.CreateIndex(
                name: "IX_vehicle_checks_ShiftDay",
                table: "vehicle_checks",
                column: "ShiftDay");

            migrationBuilder.CreateIndex(
                name: "IX_vehicle_checks_SourceKey",
                table: "vehicle_checks",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_venue_codes_DeviceId",
                table: "venue_codes",
                column: "DeviceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkpoint_duties");

            migrationBuilder.DropTable(
                name: "checkpoints");

            migrationBuilder.DropTable(
                name: "other_risk_areas");

            migrationBuilder.DropTable(
                name: "pass_uses");

            migrationBuilder.DropTable(
                name: "passenger_checks");

            migrationBuilder.DropTable(
                name: "passes");

            migrationBuilder.DropTable(
                name: "returnee_follow_ups");

            migrationBuilder.DropTable(
                name: "returnees");

            migrationBuilder.DropTable(
                name: "vehicle_checks");

            migrationBuilder.DropTable(
                name: "venue_codes");

            migrationBuilder.DropIndex(
                name: "IX_quarantine_stays_ReturneeId",
                table: "quarantine_stays");

            migrationBuilder.DropColumn(
                name: "ReturneeId",
                table: "quarantine_stays");
        }
    }
}
