using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    StayId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Temperature = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    Symptoms = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByUserId = table.Column<long>(type: "bigint", nullable: false),
                    Alert = table.Column<int>(type: "integer", nullable: false)
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
