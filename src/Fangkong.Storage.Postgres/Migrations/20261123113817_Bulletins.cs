using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Bulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TextZh = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FiguresJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    GeneratedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    EditedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulletins", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bulletins_Day_Level_AreaCode",
                table: "bulletins",
                columns: new[] { "Day", "Level", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_bulletins_published",
                table: "bulletins",
                columns: new[] { "Day", "Level", "AreaCode" },
                unique: true,
                filter: "\"State\" = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulletins");
        }
    }
}
