using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LineListsAndExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "cases",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "export_files",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_files", x => x.JobId);
                });

            migrationBuilder.CreateTable(
                name: "export_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    English = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RequestedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Done = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_jobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_DistrictCode_ReportedAtUtc",
                table: "cases",
                columns: new[] { "DistrictCode", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_export_jobs_RequestedByUserId_Id",
                table: "export_jobs",
                columns: new[] { "RequestedByUserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_export_jobs_State_Id",
                table: "export_jobs",
                columns: new[] { "State", "Id" });

            // Cases reported before the column existed: their district from the home address, as new cases get it.
            migrationBuilder.Sql("""
                UPDATE cases SET "DistrictCode" = (
                    SELECT s."DistrictCode" FROM persons p
                    JOIN households h ON h."Id" = p."HouseholdId"
                    JOIN units u ON u."Id" = h."UnitId"
                    JOIN buildings b ON b."Id" = u."BuildingId"
                    JOIN compounds c ON c."Id" = b."CompoundId"
                    JOIN communities cm ON cm."Id" = c."CommunityId"
                    JOIN streets s ON s."Id" = cm."StreetId"
                    WHERE p."Id" = cases."PersonId")
                WHERE "DistrictCode" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "export_files");

            migrationBuilder.DropTable(
                name: "export_jobs");

            migrationBuilder.DropIndex(
                name: "IX_cases_DistrictCode_ReportedAtUtc",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "cases");
        }
    }
}
