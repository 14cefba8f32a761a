using System.Data.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fangkong.Core.Audit;

/// <summary>
/// Links new entries into the chain inside the transaction that saves them. The head row is taken first by an upsert,
/// which PostgreSQL serialises on the row and SQLite on its one writer, so concurrent appends queue and the chain stays
/// one line; a whole save's entries are linked under one lock, in one round trip for the head and one to move it.
/// </summary>
internal static class AuditChain
{
    public const int HeadId = 1;

    /// <summary>Entries added to the context and not linked yet, oldest first.</summary>
    public static List<AuditEntry> Pending(ChangeTracker tracker) =>
        [.. tracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash == "").Select(e => e.Entity).OrderBy(e => e.Id)];

    /// <summary>Locks the head, gives each entry its position and hash, and moves the head — all in the current transaction.</summary>
    public static async Task LinkAsync(FangkongDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("audit entries are linked inside the saving transaction");
        long seq;
        string hash;
        await using (var take = Command(tx, """
            INSERT INTO audit_chain_head ("Id", "Seq", "Hash") VALUES (@id, 0, '')
            ON CONFLICT ("Id") DO UPDATE SET "Seq" = audit_chain_head."Seq"
            RETURNING "Seq", "Hash"
            """))
        {
            Add(take, "id", HeadId);
            await using var reader = await take.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            seq = reader.GetInt64(0);
            hash = reader.GetString(1);
        }
        foreach (var e in entries)
        {
            e.AtUtc = AuditHash.Stored(e.AtUtc);
            e.Seq = ++seq;
            e.PrevHash = hash;
            e.Hash = AuditHash.Of(e);
            hash = e.Hash;
        }
        await using var move = Command(tx, """UPDATE audit_chain_head SET "Seq" = @seq, "Hash" = @hash WHERE "Id" = @id""");
        Add(move, "seq", seq);
        Add(move, "hash", hash);
        Add(move, "id", HeadId);
        await move.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Undoes <see cref="LinkAsync"/> on the entries after a failed save, so a retry links them again.</summary>
    public static void Unlink(IEnumerable<AuditEntry> entries)
    {
        foreach (var e in entries)
        {
            e.Seq = 0;
            e.PrevHash = "";
            e.Hash = "";
        }
    }

    private static DbCommand Command(DbTransaction tx, string sql)
    {
        var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
