using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I18Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appeal_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    AppealId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", maxLength: 2097152, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeal_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Colour = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ColourChangeId = table.Column<long>(type: "bigint", nullable: false),
                    Office = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    AnsweredByUserId = table.Column<long>(type: "bigint", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ManualRequestId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_unlock_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    BulkUnlockId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    RefusalKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RefusalEvidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ManualRequestId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_unlock_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_unlocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: true),
                    Employer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_unlocks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appeal_files_AppealId",
                table: "appeal_files",
                column: "AppealId");

            migrationBuilder.CreateIndex(
                name: "IX_appeals_DistrictCode_State",
                table: "appeals",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_Number",
                table: "appeals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appeals_PersonId_ColourChangeId",
                table: "appeals",
                columns: new[] { "PersonId", "ColourChangeId" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_State_DueAtUtc",
                table: "appeals",
                columns: new[] { "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_SubmittedByUserId_IdempotencyKey",
                table: "appeals",
                columns: new[] { "SubmittedByUserId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlock_lines_BulkUnlockId_Line",
                table: "bulk_unlock_lines",
                columns: new[] { "BulkUnlockId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlock_lines_PersonId",
                table: "bulk_unlock_lines",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlocks_Number",
                table: "bulk_unlocks",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlocks_State_SubmittedAtUtc",
                table: "bulk_unlocks",
                columns: new[] { "State", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlocks_SubmittedByUserId",
                table: "bulk_unlocks",
                column: "SubmittedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeal_files");

            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "bulk_unlock_lines");

            migrationBuilder.DropTable(
                name: "bulk_unlocks");
        }
    }
}
