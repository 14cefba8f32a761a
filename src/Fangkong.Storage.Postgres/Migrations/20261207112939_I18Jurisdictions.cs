using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I18Jurisdictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CommunityId",
                table: "persons",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "persons",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_persons_CommunityId",
                table: "persons",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_DistrictCode",
                table: "persons",
                column: "DistrictCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persons_CommunityId",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_persons_DistrictCode",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "CommunityId",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "persons");
        }
    }
}
