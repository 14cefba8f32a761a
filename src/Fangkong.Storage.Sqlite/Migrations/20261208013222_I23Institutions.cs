using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I23Institutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_fever_referrals_Day",
                table: "fever_referrals",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_fever_referrals_InstitutionId_PersonId_Day",
                table: "fever_referrals",
                columns: new[] { "InstitutionId", "PersonId", "Day" },
                unique: true);

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
                name: "fever_referrals");

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
        }
    }
}
