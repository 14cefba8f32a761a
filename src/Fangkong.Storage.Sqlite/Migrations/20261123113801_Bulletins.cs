using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextZh = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    EditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
