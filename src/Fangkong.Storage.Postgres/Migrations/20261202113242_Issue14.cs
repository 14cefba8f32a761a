using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue14 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "testing_rounds",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "quarantine_stays",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "demo_city",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadyAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demo_city", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "number_sequences",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_number_sequences", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_tubes_OpenedByUserId_OpenKey",
                table: "tubes",
                columns: new[] { "OpenedByUserId", "OpenKey" });

            migrationBuilder.CreateIndex(
                name: "IX_testing_rounds_Number",
                table: "testing_rounds",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_Number",
                table: "quarantine_stays",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Number",
                table: "cases",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demo_city");

            migrationBuilder.DropTable(
                name: "number_sequences");

            migrationBuilder.DropIndex(
                name: "IX_tubes_OpenedByUserId_OpenKey",
                table: "tubes");

            migrationBuilder.DropIndex(
                name: "IX_testing_rounds_Number",
                table: "testing_rounds");

            migrationBuilder.DropIndex(
                name: "IX_quarantine_stays_Number",
                table: "quarantine_stays");

            migrationBuilder.DropIndex(
                name: "IX_cases_Number",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "testing_rounds");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "quarantine_stays");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "cases");
        }
    }
}
