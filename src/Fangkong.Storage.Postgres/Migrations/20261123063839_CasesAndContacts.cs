using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CasesAndContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Class",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Edition",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 9);

            migrationBuilder.AddColumn<DateTime>(
                name: "IsolatedAtUtc",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnsetDate",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contact_proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    ViaPersonId = table.Column<long>(type: "bigint", nullable: true),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: true),
                    SourceInUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SourceOutUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContactInUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContactOutUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverlapMinutes = table.Column<int>(type: "integer", nullable: false),
                    FirstExposureUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_proposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_CaseId_Grade_PersonId",
                table: "contact_proposals",
                columns: new[] { "CaseId", "Grade", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_PersonId_Status",
                table: "contact_proposals",
                columns: new[] { "PersonId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_proposals");

            migrationBuilder.DropColumn(
                name: "Class",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Edition",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "IsolatedAtUtc",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "OnsetDate",
                table: "cases");
        }
    }
}
