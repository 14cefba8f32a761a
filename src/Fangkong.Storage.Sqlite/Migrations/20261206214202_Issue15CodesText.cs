using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15CodesText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A colour's explanation is stored as a message key and its arguments (a JSON array of strings) and worded
            // when read (ADR 0020). Changes explained before keep their words: the key Codes.Why.Earlier shows the
            // Chinese half of the old "中文 / English" text (argument 0) to a Chinese reader and the English half
            // (argument 1) to an English one; a text without the separator is both.
            migrationBuilder.AddColumn<string>(
                name: "ExplanationArgs",
                table: "health_code_changes",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ExplanationKey",
                table: "health_code_changes",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE health_code_changes SET ExplanationKey = 'Codes.Why.Earlier', ExplanationArgs = CASE
                    WHEN instr(Explanation, ' / ') > 0 THEN json_array(substr(Explanation, 1, instr(Explanation, ' / ') - 1), substr(Explanation, instr(Explanation, ' / ') + 3))
                    ELSE json_array(Explanation, Explanation) END;
                """);

            // SQLite drops a column in place (3.35+), inside the migration's transaction; EF's DropColumn would rebuild the table.
            migrationBuilder.Sql("ALTER TABLE \"health_code_changes\" DROP COLUMN \"Explanation\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "health_code_changes",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // Earlier explanations get their old text back; later ones keep their key and arguments, unworded.
            migrationBuilder.Sql("""
                UPDATE health_code_changes SET Explanation = CASE
                    WHEN ExplanationKey <> 'Codes.Why.Earlier' THEN ExplanationKey || ' ' || ExplanationArgs
                    WHEN json_extract(ExplanationArgs, '$[0]') = json_extract(ExplanationArgs, '$[1]') THEN json_extract(ExplanationArgs, '$[0]')
                    ELSE json_extract(ExplanationArgs, '$[0]') || ' / ' || json_extract(ExplanationArgs, '$[1]') END;
                """);

            migrationBuilder.Sql("ALTER TABLE \"health_code_changes\" DROP COLUMN \"ExplanationArgs\";");

            migrationBuilder.Sql("ALTER TABLE \"health_code_changes\" DROP COLUMN \"ExplanationKey\";");
        }
    }
}
