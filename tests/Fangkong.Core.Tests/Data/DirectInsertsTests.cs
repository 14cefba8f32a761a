using Fangkong.Core.Codes;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Data;

public sealed class DirectInsertsTestsSqlite() : DirectInsertsTests(StorageProvider.Sqlite);
public sealed class DirectInsertsTestsPostgres() : DirectInsertsTests(StorageProvider.Postgres);

/// <summary>Rows written untracked read back through the model unchanged, and belong to the context's transaction.</summary>
public abstract class DirectInsertsTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 20, 1, 2, 3, 456, DateTimeKind.Utc);

    private static HealthCodeChange Change(long id) => new()
    {
        Id = id,
        PersonId = 7,
        From = CodeColour.Green,
        To = CodeColour.Red,
        AtUtc = At.AddMilliseconds(id),
        Rule = "zone.sealed",
        ExplanationKey = "Codes.Why.Zone",
        ExplanationArgs = ["龙山区东盛小区", "Z0001-3", "2026-11-20"],
        Evidence = "zone:3",
        PolicyVersion = "2022.9-fk1",
    };

    [Fact]
    public async Task Rows_read_back_as_the_model_wrote_them()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.NewDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await DirectInserts.InsertAsync(db, [Change(1), Change(2)], CancellationToken.None);
            await DirectInserts.InsertAsync(db, [new HealthCodeState { PersonId = 7, Colour = CodeColour.Red, SinceUtc = At, Rule = "zone.sealed", PolicyVersion = "2022.9-fk1" }], CancellationToken.None);
            await tx.CommitAsync();
        }
        await using (var db = store.NewDb())
        {
            var rows = await db.HealthCodeChanges.OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(2, rows.Count);
            var expected = Change(2);
            var read = rows[1];
            Assert.Equal((expected.Id, expected.PersonId, expected.From, expected.To, expected.AtUtc, expected.Rule, expected.ExplanationKey, expected.Evidence, expected.PolicyVersion),
                (read.Id, read.PersonId, read.From, read.To, read.AtUtc, read.Rule, read.ExplanationKey, read.Evidence, read.PolicyVersion));
            Assert.Equal(DateTimeKind.Utc, read.AtUtc.Kind);
            Assert.Equal(expected.ExplanationArgs, read.ExplanationArgs);
            var state = await db.HealthCodes.SingleAsync();
            Assert.Equal((7L, CodeColour.Red, At), (state.PersonId, state.Colour, state.SinceUtc));
            // The store's own query finds them by the converted column too.
            Assert.Equal(2, await db.HealthCodeChanges.CountAsync(c => c.To == CodeColour.Red && c.AtUtc > At));
        }
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_nothing()
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.NewDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await DirectInserts.InsertAsync(db, [Change(1)], CancellationToken.None);
            Assert.Equal(1, await db.HealthCodeChanges.CountAsync());
            await tx.RollbackAsync();
        }
        await using (var db = store.NewDb())
            Assert.Equal(0, await db.HealthCodeChanges.CountAsync());
    }
}
