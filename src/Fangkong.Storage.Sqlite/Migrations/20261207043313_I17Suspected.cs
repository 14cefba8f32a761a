using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspectedAtUtc",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspectedConfirmedAtUtc",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspectedConfirmedOn",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspectedOn",
                table: "cases",
                type: "TEXT",
                nullable: true);

            // Cases suspected before this migration were suspected as reported (a case is suspected only as reported).
            migrationBuilder.Sql("UPDATE cases SET \"SuspectedAtUtc\" = \"ReportedAtUtc\", \"SuspectedOn\" = \"ReportedOn\" WHERE \"Class\" = 6;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"cases\" DROP COLUMN \"ExcludedOn\";");

            migrationBuilder.Sql("ALTER TABLE \"cases\" DROP COLUMN \"SuspectedAtUtc\";");

            migrationBuilder.Sql("ALTER TABLE \"cases\" DROP COLUMN \"SuspectedConfirmedAtUtc\";");

            migrationBuilder.Sql("ALTER TABLE \"cases\" DROP COLUMN \"SuspectedConfirmedOn\";");

            migrationBuilder.Sql("ALTER TABLE \"cases\" DROP COLUMN \"SuspectedOn\";");
        }
    }
}
