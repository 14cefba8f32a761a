using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I21VenueCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "venue_codes",
                columns: table => new
                {
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venue_codes", x => x.VenueId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_venue_codes_DeviceId",
                table: "venue_codes",
                column: "DeviceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "venue_codes");
        }
    }
}
