using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <summary>Issue 15 in one migration: stored sentences as message keys and arguments (codes, tracing), exports' language, line-list indexes.</summary>
    public partial class Issue15 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue15CodesText
            // A colour's explanation is stored as a message key and its arguments (a JSON array of strings) and worded
            // when read (ADR 0020). Changes explained before keep their words: the key Codes.Why.Earlier shows the
            // Chinese half of the old "中文 / English" text (argument 0) to a Chinese reader and the English half
            // (argument 1) to an English one; a text without the separator is both.
            migrationBuilder.AddColumn<string>(
                name: "ExplanationArgs",
                table: "health_code_changes",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ExplanationKey",
                table: "health_code_changes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE health_code_changes SET "ExplanationKey" = 'Codes.Why.Earlier', "ExplanationArgs" = CASE
                    WHEN strpos("Explanation", ' / ') > 0 THEN json_build_array(left("Explanation", strpos("Explanation", ' / ') - 1), substr("Explanation", strpos("Explanation", ' / ') + 3))::text
                    ELSE json_build_array("Explanation", "Explanation")::text END;
                """);

            migrationBuilder.DropColumn(
                name: "Explanation",
                table: "health_code_changes");

            // Issue15TracingText
            migrationBuilder.AddColumn<string>(
                name: "PlatformPurpose",
                table: "trace_accesses",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformNotes",
                table: "quarantine_transfers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformNotes",
                table: "contact_proposals",
                type: "text",
                nullable: true);

            // Issue 15: the platform no longer words the report event's note (the event's status says it), and it names
            // the standing quarantine round and its home-visits point in Chinese only (names are data).
            migrationBuilder.Sql("UPDATE case_events SET \"Note\" = NULL WHERE \"Note\" = '报告 / reported'");
            migrationBuilder.Sql("UPDATE testing_rounds SET \"Name\" = '隔离人员核酸检测' WHERE \"Name\" = '隔离人员核酸检测 / Quarantine testing'");
            migrationBuilder.Sql("UPDATE sampling_sites SET \"Name\" = '居家隔离上门采样' WHERE \"Name\" = '居家隔离上门采样 / Home isolation visits'");

            // Issue15ExportLanguage
            // An export job keeps the language it was asked in as a culture name instead of a yes/no for English
            // (issue 15): the jobs already stored keep their language.
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "export_jobs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "zh-CN");

            migrationBuilder.Sql("""UPDATE "export_jobs" SET "Language" = 'en' WHERE "English" = TRUE""");

            // A failed job's reason was stored as "中文 / English" and shown in the reader's half; it is now stored in
            // the job's language, so the earlier ones keep the half of theirs.
            migrationBuilder.Sql("""UPDATE "export_jobs" SET "Error" = CASE WHEN "Language" = 'en' THEN substr("Error", strpos("Error", ' / ') + 3) ELSE substr("Error", 1, strpos("Error", ' / ') - 1) END WHERE strpos("Error", ' / ') > 0""");

            migrationBuilder.DropColumn(
                name: "English",
                table: "export_jobs");

            // Issue15ListIndexes
            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_Released~",
                table: "contact_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_open",
                table: "contact_proposals",
                column: "Id",
                filter: "\"Status\" <> 2 AND (\"Status\" = 0 OR \"ReleasedAtUtc\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_Status_Id_Grade_CaseId_DecidedAtUtc_Relea~",
                table: "contact_proposals",
                columns: new[] { "Status", "Id", "Grade", "CaseId", "DecidedAtUtc", "ReleasedAtUtc", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Issue15ListIndexes
            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_open",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_Status_Id_Grade_CaseId_DecidedAtUtc_Relea~",
                table: "contact_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_Released~",
                table: "contact_proposals",
                columns: new[] { "Status", "Grade", "CaseId", "DecidedAtUtc", "ReleasedAtUtc", "PersonId" });

            // Issue15ExportLanguage
            migrationBuilder.AddColumn<bool>(
                name: "English",
                table: "export_jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE "export_jobs" SET "English" = TRUE WHERE "Language" LIKE 'en%'""");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "export_jobs");

            // Issue15TracingText
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

            // Issue15CodesText
            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "health_code_changes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // Earlier explanations get their old text back; later ones keep their key and arguments, unworded.
            migrationBuilder.Sql("""
                UPDATE health_code_changes SET "Explanation" = left(CASE
                    WHEN "ExplanationKey" <> 'Codes.Why.Earlier' THEN "ExplanationKey" || ' ' || "ExplanationArgs"
                    WHEN ("ExplanationArgs"::json ->> 0) = ("ExplanationArgs"::json ->> 1) THEN "ExplanationArgs"::json ->> 0
                    ELSE ("ExplanationArgs"::json ->> 0) || ' / ' || ("ExplanationArgs"::json ->> 1) END, 1000);
                """);

            migrationBuilder.DropColumn(
                name: "ExplanationArgs",
                table: "health_code_changes");

            migrationBuilder.DropColumn(
                name: "ExplanationKey",
                table: "health_code_changes");
        }
    }
}
