using Fangkong.Core.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Fangkong.Core.Tests.Data;

public sealed class ExportLanguageMigrationTestsSqlite() : ExportLanguageMigrationTests(StorageProvider.Sqlite);
public sealed class ExportLanguageMigrationTestsPostgres() : ExportLanguageMigrationTests(StorageProvider.Postgres);

/// <summary>
/// Export jobs stored before issue 15 with a yes/no for English keep their language as a culture name, and a failed
/// one's "中文 / English" reason keeps the half in its language.
/// </summary>
public abstract class ExportLanguageMigrationTests(StorageProvider provider)
{
    [Fact]
    public async Task Jobs_asked_in_English_stay_English_and_the_others_Chinese()
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);
        await using (var db = store.NewDb())
        {
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_Issue15", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(before);
            var at = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
            const string failed = "导出失败，请重试 / the export failed; try again";
            foreach (var (id, english, error) in new[] { (1L, true, failed), (2L, false, failed), (3L, true, null) })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "export_jobs" ("Id", "List", "Format", "FilterJson", "English", "Revealed", "RequestedByUserId", "RequestedAtUtc", "State", "Total", "Done", "Error")
                    VALUES ({id}, 'cases', 'csv', {"{}"}, {english}, {false}, {1L}, {at}, {4}, {0L}, {0L}, {error})
                    """);
        }
        await using (var db = store.NewDb())
        {
            await Database.MigrateAsync(db);
            var jobs = await db.ExportJobs.OrderBy(j => j.Id).Select(j => new { j.Language, j.Error }).ToListAsync();
            Assert.Equal([("en", "the export failed; try again"), ("zh-CN", "导出失败，请重试"), ("en", null)], jobs.Select(j => (j.Language, j.Error)));
        }
    }
}
