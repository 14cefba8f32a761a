using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15TracingText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlatformPurpose",
                table: "trace_accesses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformNotes",
                table: "quarantine_transfers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformNotes",
                table: "contact_proposals",
                type: "TEXT",
                nullable: true);

            // Issue 15: the platform no longer words the report event's note (the event's status says it), and it names
            // the standing quarantine round and its home-visits point in Chinese only (names are data).
            migrationBuilder.Sql("UPDATE case_events SET \"Note\" = NULL WHERE \"Note\" = '报告 / reported'");
            migrationBuilder.Sql("UPDATE testing_rounds SET \"Name\" = '隔离人员核酸检测' WHERE \"Name\" = '隔离人员核酸检测 / Quarantine testing'");
            migrationBuilder.Sql("UPDATE sampling_sites SET \"Name\" = '居家隔离上门采样' WHERE \"Name\" = '居家隔离上门采样 / Home isolation visits'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE sampling_sites SET \"Name\" = '居家隔离上门采样 / Home isolation visits' WHERE \"Name\" = '居家隔离上门采样'");
            migrationBuilder.Sql("UPDATE testing_rounds SET \"Name\" = '隔离人员核酸检测 / Quarantine testing' WHERE \"Name\" = '隔离人员核酸检测'");
            migrationBuilder.Sql("UPDATE case_events SET \"Note\" = '报告 / reported' WHERE \"Note\" IS NULL AND \"ToStatus\" = 0");

            migrationBuilder.DropColumn(
                name: "PlatformPurpose",
                table: "trace_accesses");

            migrationBuilder.DropColumn(
                name: "PlatformNotes",
                table: "quarantine_transfers");

            migrationBuilder.DropColumn(
                name: "PlatformNotes",
                table: "contact_proposals");
        }
    }
}
