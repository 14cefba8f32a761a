using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I18DistrictOnRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persons_DistrictCode",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_cases_PersonId",
                table: "cases");

            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "quarantine_stays",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "contact_proposals",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            // Existing contacts and stays take their person's district, as new ones are stamped on save (ADR 0028).
            migrationBuilder.Sql("UPDATE contact_proposals SET \"DistrictCode\" = (SELECT p.\"DistrictCode\" FROM persons p WHERE p.\"Id\" = contact_proposals.\"PersonId\")");
            migrationBuilder.Sql("UPDATE quarantine_stays SET \"DistrictCode\" = (SELECT p.\"DistrictCode\" FROM persons p WHERE p.\"Id\" = quarantine_stays.\"PersonId\")");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_DistrictCode_Id",
                table: "quarantine_stays",
                columns: new[] { "DistrictCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_DistrictCode_State",
                table: "quarantine_stays",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_persons_DistrictCode_Name",
                table: "persons",
                columns: new[] { "DistrictCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_DistrictCode_Id",
                table: "contact_proposals",
                columns: new[] { "DistrictCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_DistrictCode_Status_ReleasedAtUtc",
                table: "contact_proposals",
                columns: new[] { "DistrictCode", "Status", "ReleasedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_DistrictCode_Id",
                table: "cases",
                columns: new[] { "DistrictCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_PersonId_DistrictCode_ReportedAtUtc",
                table: "cases",
                columns: new[] { "PersonId", "DistrictCode", "ReportedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quarantine_stays_DistrictCode_Id",
                table: "quarantine_stays");

            migrationBuilder.DropIndex(
                name: "IX_quarantine_stays_DistrictCode_State",
                table: "quarantine_stays");

            migrationBuilder.DropIndex(
                name: "IX_persons_DistrictCode_Name",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_DistrictCode_Id",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_DistrictCode_Status_ReleasedAtUtc",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_cases_DistrictCode_Id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_PersonId_DistrictCode_ReportedAtUtc",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "quarantine_stays");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "contact_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_persons_DistrictCode",
                table: "persons",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_cases_PersonId",
                table: "cases",
                column: "PersonId");
        }
    }
}
