using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmedContactsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_ReleasedAtUtc_PersonId",
                table: "contact_proposals",
                columns: new[] { "Status", "Grade", "CaseId", "DecidedAtUtc", "ReleasedAtUtc", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_ReleasedAtUtc_PersonId",
                table: "contact_proposals");
        }
    }
}
