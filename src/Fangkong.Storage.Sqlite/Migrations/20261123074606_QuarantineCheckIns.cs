using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quarantine_check_ins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    StayId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Temperature = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Symptoms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Alert = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine_check_ins", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_check_ins_Day_Alert",
                table: "quarantine_check_ins",
                columns: new[] { "Day", "Alert" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_check_ins_StayId_Day",
                table: "quarantine_check_ins",
                columns: new[] { "StayId", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quarantine_check_ins");
        }
    }
}
