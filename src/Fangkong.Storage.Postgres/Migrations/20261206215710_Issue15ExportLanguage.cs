using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue15ExportLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
