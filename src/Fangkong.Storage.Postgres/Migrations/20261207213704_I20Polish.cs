using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Orders placed before numbers existed take theirs now, per city year in the order they were placed (ADR 0016),
            // and the year's counter continues after them.
            migrationBuilder.Sql("""
                UPDATE supply_orders o SET "Number" = n.num FROM (
                  SELECT "Id", 'S' || y || '-' || CASE WHEN rn < 10000 THEN lpad(rn::text, 4, '0') ELSE rn::text END AS num
                  FROM (SELECT "Id", to_char(("PlacedAtUtc" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY') AS y,
                          ROW_NUMBER() OVER (PARTITION BY to_char(("PlacedAtUtc" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY') ORDER BY "PlacedAtUtc", "Id") AS rn
                        FROM supply_orders) r) AS n
                WHERE n."Id" = o."Id"
                """);
            migrationBuilder.Sql("""
                INSERT INTO number_sequences ("Kind", "Year", "Last")
                SELECT 'S', y, c FROM (SELECT CAST(substring("Number" from 2 for 4) AS integer) AS y, COUNT(*)::integer AS c FROM supply_orders GROUP BY 1) AS g
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
