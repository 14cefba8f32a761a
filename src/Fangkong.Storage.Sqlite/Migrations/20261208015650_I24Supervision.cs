using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I24Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closure_order_venues");

            migrationBuilder.DropTable(
                name: "closure_orders");

            migrationBuilder.DropTable(
                name: "disinfection_records");

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
        }
    }
}
