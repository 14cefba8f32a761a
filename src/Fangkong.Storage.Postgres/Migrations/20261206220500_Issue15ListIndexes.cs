using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue15ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_Released~",
                table: "contact_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_open",
                table: "contact_proposals",
                column: "Id",
                filter: "\"Status\" <> 2 AND (\"Status\" = 0 OR \"ReleasedAtUtc\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_Status_Id_Grade_CaseId_DecidedAtUtc_Relea~",
                table: "contact_proposals",
                columns: new[] { "Status", "Id", "Grade", "CaseId", "DecidedAtUtc", "ReleasedAtUtc", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_open",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_Status_Id_Grade_CaseId_DecidedAtUtc_Relea~",
                table: "contact_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_Released~",
                table: "contact_proposals",
                columns: new[] { "Status", "Grade", "CaseId", "DecidedAtUtc", "ReleasedAtUtc", "PersonId" });
        }
    }
}
