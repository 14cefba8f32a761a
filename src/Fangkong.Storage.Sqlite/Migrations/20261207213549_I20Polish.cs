using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I20Polish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "supply_orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Orders placed before numbers existed take theirs now, per city year in the order they were placed (ADR 0016),
            // and the year's counter continues after them.
            migrationBuilder.Sql("""
                UPDATE supply_orders SET "Number" = n.num FROM (
                  SELECT "Id", 'S' || strftime('%Y', "PlacedAtUtc", '+8 hours') || '-' ||
                    printf('%04d', ROW_NUMBER() OVER (PARTITION BY strftime('%Y', "PlacedAtUtc", '+8 hours') ORDER BY "PlacedAtUtc", "Id")) AS num
                  FROM supply_orders) AS n
                WHERE n."Id" = supply_orders."Id"
                """);
            migrationBuilder.Sql("""
                INSERT INTO number_sequences ("Kind", "Year", "Last")
                SELECT 'S', y, c FROM (SELECT CAST(substr("Number", 2, 4) AS INTEGER) AS y, COUNT(*) AS c FROM supply_orders GROUP BY substr("Number", 2, 4))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_Number",
                table: "supply_orders",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_supply_orders_Number",
                table: "supply_orders");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "supply_orders");
        }
    }
}
