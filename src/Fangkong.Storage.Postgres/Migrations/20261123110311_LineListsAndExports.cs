using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
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
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "export_files",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_files", x => x.JobId);
                });

            migrationBuilder.CreateTable(
                name: "export_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    List = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FilterJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    English = table.Column<bool>(type: "boolean", nullable: false),
                    Revealed = table.Column<bool>(type: "boolean", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RequestedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileBytes = table.Column<long>(type: "bigint", nullable: true)
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
