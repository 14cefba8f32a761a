using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I17Suspected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExcludedOn",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspectedAtUtc",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspectedConfirmedAtUtc",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspectedConfirmedOn",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspectedOn",
                table: "cases",
                type: "date",
                nullable: true);

            // Cases suspected before this migration were suspected as reported (a case is suspected only as reported).
            migrationBuilder.Sql("UPDATE cases SET \"SuspectedAtUtc\" = \"ReportedAtUtc\", \"SuspectedOn\" = \"ReportedOn\" WHERE \"Class\" = 6;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExcludedOn",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SuspectedAtUtc",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SuspectedConfirmedAtUtc",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SuspectedConfirmedOn",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SuspectedOn",
                table: "cases");
        }
    }
}
