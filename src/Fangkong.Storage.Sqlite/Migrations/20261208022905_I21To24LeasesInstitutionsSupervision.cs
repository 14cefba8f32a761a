using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I21To24LeasesInstitutionsSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "venue_codes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedBeforeUtc",
                table: "venue_codes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevokedByUserId",
                table: "venue_codes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "closure_order_venues",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closure_order_venues", x => new { x.OrderId, x.VenueId });
                });

            migrationBuilder.CreateTable(
                name: "closure_orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    VenueTypes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    IssuedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReopensOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedByOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedFromUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closure_orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cluster_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Period = table.Column<long>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cluster_leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "disinfection_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Agent = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Person = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RecordedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disinfection_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fever_referrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Celsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Symptoms = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClinicVenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fever_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gate_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Signs = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClearedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRecordUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpenSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    GateEntries = table.Column<int>(type: "INTEGER", nullable: false),
                    WithoutTemperature = table.Column<int>(type: "INTEGER", nullable: false),
                    Admitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Denied = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_finding_photos",
                columns: table => new
                {
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_finding_photos", x => x.FindingId);
                });

            migrationBuilder.CreateTable(
                name: "inspection_findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    InspectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosureOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    FoundAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlaceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PlaceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InspectorUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "institution_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institution_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "institution_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Zero = table.Column<bool>(type: "INTEGER", nullable: false),
                    Readings = table.Column<int>(type: "INTEGER", nullable: false),
                    Fevers = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institution_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Staff = table.Column<int>(type: "INTEGER", nullable: false),
                    Students = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false),
                    Beds = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResponsiblePhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PreventionPlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ShiftDays = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "member_readings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Celsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Symptoms = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fever = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_readings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shift_tests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ShiftId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Antigen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Positive = table.Column<bool>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shift_tests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_shifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_shifts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_closure_order_venues_VenueId",
                table: "closure_order_venues",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_closure_orders_DistrictCode_Kind",
                table: "closure_orders",
                columns: new[] { "DistrictCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_disinfection_records_DistrictCode_AtUtc",
                table: "disinfection_records",
                columns: new[] { "DistrictCode", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_disinfection_records_VenueId_AtUtc",
                table: "disinfection_records",
                columns: new[] { "VenueId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_fever_referrals_Day",
                table: "fever_referrals",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_fever_referrals_InstitutionId_PersonId_Day",
                table: "fever_referrals",
                columns: new[] { "InstitutionId", "PersonId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gate_alerts_DistrictCode_ClearedAtUtc",
                table: "gate_alerts",
                columns: new[] { "DistrictCode", "ClearedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_gate_alerts_VenueId_ClearedAtUtc",
                table: "gate_alerts",
                columns: new[] { "VenueId", "ClearedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_ClosureOrderId",
                table: "inspection_findings",
                column: "ClosureOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_DistrictCode_Category",
                table: "inspection_findings",
                columns: new[] { "DistrictCode", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_InspectionId",
                table: "inspection_findings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_plans_DistrictCode_Day",
                table: "inspection_plans",
                columns: new[] { "DistrictCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_DistrictCode_AtUtc",
                table: "inspections",
                columns: new[] { "DistrictCode", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_institution_members_InstitutionId_PersonId",
                table: "institution_members",
                columns: new[] { "InstitutionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_institution_members_InstitutionId_Unit",
                table: "institution_members",
                columns: new[] { "InstitutionId", "Unit" });

            migrationBuilder.CreateIndex(
                name: "IX_institution_members_PersonId",
                table: "institution_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_institution_reports_Day",
                table: "institution_reports",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_institution_reports_InstitutionId_Day_Unit",
                table: "institution_reports",
                columns: new[] { "InstitutionId", "Day", "Unit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_institution_reports_SourceKey",
                table: "institution_reports",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_institutions_DistrictCode_Kind",
                table: "institutions",
                columns: new[] { "DistrictCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_institutions_SourceKey",
                table: "institutions",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_readings_Day",
                table: "member_readings",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_member_readings_PersonId_Day",
                table: "member_readings",
                columns: new[] { "PersonId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_member_readings_ReportId_PersonId",
                table: "member_readings",
                columns: new[] { "ReportId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shift_tests_ShiftId_Day",
                table: "shift_tests",
                columns: new[] { "ShiftId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_shifts_InstitutionId_EndedOn",
                table: "staff_shifts",
                columns: new[] { "InstitutionId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_shifts_PersonId",
                table: "staff_shifts",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closure_order_venues");

            migrationBuilder.DropTable(
                name: "closure_orders");

            migrationBuilder.DropTable(
                name: "cluster_leases");

            migrationBuilder.DropTable(
                name: "disinfection_records");

            migrationBuilder.DropTable(
                name: "fever_referrals");

            migrationBuilder.DropTable(
                name: "gate_alerts");

            migrationBuilder.DropTable(
                name: "inspection_finding_photos");

            migrationBuilder.DropTable(
                name: "inspection_findings");

            migrationBuilder.DropTable(
                name: "inspection_plans");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "institution_members");

            migrationBuilder.DropTable(
                name: "institution_reports");

            migrationBuilder.DropTable(
                name: "institutions");

            migrationBuilder.DropTable(
                name: "member_readings");

            migrationBuilder.DropTable(
                name: "shift_tests");

            migrationBuilder.DropTable(
                name: "staff_shifts");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "venue_codes");

            migrationBuilder.DropColumn(
                name: "RevokedBeforeUtc",
                table: "venue_codes");

            migrationBuilder.DropColumn(
                name: "RevokedByUserId",
                table: "venue_codes");
        }
    }
}
