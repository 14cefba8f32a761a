using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "zh-CN");

            migrationBuilder.Sql("""UPDATE "export_jobs" SET "Language" = 'en' WHERE "English" = 1""");

            // A failed job's reason was stored as "中文 / English" and shown in the reader's half; it is now stored in
            // the job's language, so the earlier ones keep the half of theirs.
            migrationBuilder.Sql("""UPDATE "export_jobs" SET "Error" = CASE WHEN "Language" = 'en' THEN substr("Error", instr("Error", ' / ') + 3) ELSE substr("Error", 1, instr("Error", ' / ') - 1) END WHERE instr("Error", ' / ') > 0""");

            // SQLite drops a column in place (3.35+), inside the migration's transaction; EF's DropColumn would rebuild
            // the table with foreign keys switched off, outside it (MigrationSafetyTests).
            migrationBuilder.Sql("""ALTER TABLE "export_jobs" DROP COLUMN "English";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "English",
                table: "export_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE "export_jobs" SET "English" = 1 WHERE "Language" LIKE 'en%'""");

            migrationBuilder.Sql("""ALTER TABLE "export_jobs" DROP COLUMN "Language";""");
        }
    }
}
