using System.Data.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Seeding;

/// <summary>The index definitions of a store as the database itself reports them.</summary>
internal static class SchemaAfterSeeding
{
    public static async Task<List<string>> IndexesAsync(FangkongDb db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname";
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
