using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConfirmedOn",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedOn",
                table: "cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing cases get their city dates (China Standard Time, UTC+8) as CaseRecord.StampDays computes them.
            migrationBuilder.Sql("""
                UPDATE cases SET
                    "ReportedOn" = CAST("ReportedAtUtc" AT TIME ZONE 'UTC' + INTERVAL '8 hours' AS date),
                    "ConfirmedOn" = CASE WHEN "Class" IN (2, 3, 4, 5) THEN CAST(COALESCE("ConvertedAtUtc", "ReportedAtUtc") AT TIME ZONE 'UTC' + INTERVAL '8 hours' AS date) END,
                    "EndedOn" = CASE WHEN "Status" IN (2, 3, 4) AND "StatusAtUtc" IS NOT NULL THEN CAST("StatusAtUtc" AT TIME ZONE 'UTC' + INTERVAL '8 hours' AS date) END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfirmedOn",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReportedOn",
                table: "cases");
        }
    }
}
