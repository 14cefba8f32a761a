using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedOn",
                table: "cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing cases get their city dates (China Standard Time, UTC+8) as CaseRecord.StampDays computes them.
            migrationBuilder.Sql("""
                UPDATE cases SET
                    "ReportedOn" = date("ReportedAtUtc", '+8 hours'),
                    "ConfirmedOn" = CASE WHEN "Class" IN (2, 3, 4, 5) THEN date(COALESCE("ConvertedAtUtc", "ReportedAtUtc"), '+8 hours') END,
                    "EndedOn" = CASE WHEN "Status" IN (2, 3, 4) AND "StatusAtUtc" IS NOT NULL THEN date("StatusAtUtc", '+8 hours') END
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
