using Fangkong.Core.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Fangkong.Core.Tests.Data;

public sealed class ExportLanguageMigrationTestsSqlite() : ExportLanguageMigrationTests(StorageProvider.Sqlite);
public sealed class ExportLanguageMigrationTestsPostgres() : ExportLanguageMigrationTests(StorageProvider.Postgres);

/// <summary>Export jobs stored before issue 15 with a yes/no for English keep their language as a culture name.</summary>
public abstract class ExportLanguageMigrationTests(StorageProvider provider)
{
    [Fact]
    public async Task Jobs_asked_in_English_stay_English_and_the_others_Chinese()
    {
        await using var store = await TestStore.CreateEmptyAsync(provider);
        await using (var db = store.NewDb())
        {
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_Issue15ExportLanguage", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(before);
            var at = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
            foreach (var (id, english) in new[] { (1L, true), (2L, false) })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "export_jobs" ("Id", "List", "Format", "FilterJson", "English", "Revealed", "RequestedByUserId", "RequestedAtUtc", "State", "Total", "Done")
                    VALUES ({id}, 'cases', 'csv', {"{}"}, {english}, {false}, {1L}, {at}, {1}, {0L}, {0L})
                    """);
        }
        await using (var db = store.NewDb())
        {
            await Database.MigrateAsync(db);
            var languages = await db.ExportJobs.OrderBy(j => j.Id).Select(j => j.Language).ToListAsync();
            Assert.Equal(["en", "zh-CN"], languages);
        }
    }
}
