using System.Diagnostics;
using System.Net.Http.Json;
using Fangkong.Core.Audit;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Fangkong.Web.Tests.Api.Audit;

public sealed class AuditLogTestsSqlite(ITestOutputHelper output) : AuditLogTests(StorageProvider.Sqlite, output);
public sealed class AuditLogTestsPostgres(ITestOutputHelper output) : AuditLogTests(StorageProvider.Postgres, output);

/// <summary>The hash-chained audit log (ADR 0024): appended by real actions, verified, broken by an edited or deleted row, one chain under concurrency.</summary>
public abstract class AuditLogTests(StorageProvider provider, ITestOutputHelper output)
{
    private const string Window = "from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z";

    [Fact]
    public async Task Real_reads_and_a_manual_colour_append_to_one_chain_that_verifies_and_an_edited_purpose_breaks_it_at_that_entry()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var admin = await host.LoginAsync("admin");
        var admin2 = await host.LoginAsync("admin2");
        var alice = host.Scenario.Alice.Id;
        var carol = host.Scenario.Carol.Id;

        (await epi.GetAsync($"/api/tracing/persons/{alice}/trajectory?{Window}&purpose=C2026-0042 流调")).EnsureSuccessStatusCode();
        var created = await (await admin.PostAsJsonAsync("/api/codes/manual", new { personId = carol, colour = "Red", reason = "病例C2026-0042的密切接触者" })).JsonAsync();
        var requestId = created.GetProperty("id").GetInt64();
        (await admin2.PostAsJsonAsync($"/api/codes/manual/{requestId}/decision", new { approve = true })).EnsureSuccessStatusCode();

        long readSeq;
        await using (var db = host.Db())
        {
            var entries = await db.AuditEntries.OrderBy(e => e.Seq).ToListAsync();
            Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
            var read = Assert.Single(entries, e => e.Kind == AuditKinds.Read);
            Assert.Equal((alice, "trajectory", "epidemiologist"), (read.PersonId!.Value, read.Action, read.ActorRole));
            Assert.Equal("C2026-0042 流调", read.Purpose);
            Assert.Single(entries, e => e.Kind == AuditKinds.ManualColour && e.Action == AuditAlarms.ManualRequest && e.PersonId == carol);
            Assert.Single(entries, e => e.Kind == AuditKinds.ManualColour && e.Action == AuditAlarms.ManualApprove && e.PersonId == carol);
            // The colour change names the officer whose approval caused it.
            var colour = Assert.Single(entries, e => e.Kind == AuditKinds.Colour);
            Assert.Equal((carol, "Green→Red", "administrator"), (colour.PersonId!.Value, colour.Detail, colour.ActorRole));
            Assert.Equal(2L, colour.ActorUserId); // admin2
            Assert.Equal(2L, Assert.Single(entries, e => e.Action == AuditAlarms.ManualApprove).ActorUserId);
            readSeq = read.Seq;
        }

        var ok = await (await admin.GetAsync("/api/audit/verify")).JsonAsync();
        Assert.True(ok.GetProperty("intact").GetBoolean());
        Assert.Equal(4, ok.GetProperty("checked").GetInt64());

        await using (var db = host.Db())
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Purpose\" = 'nothing to see' WHERE \"Seq\" = {0}", readSeq);
        var broken = await (await admin.GetAsync("/api/audit/verify")).JsonAsync();
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(readSeq, broken.GetProperty("brokenAtSeq").GetInt64());
        Assert.Equal(AuditVerifier.Tampered, broken.GetProperty("problem").GetString());
        Assert.Contains(readSeq.ToString(System.Globalization.CultureInfo.InvariantCulture), broken.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_deleted_entry_is_detected_in_the_middle_and_at_the_end()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        foreach (var p in new[] { host.Scenario.Alice.Id, host.Scenario.Bob.Id, host.Scenario.Carol.Id })
            (await epi.GetAsync($"/api/tracing/persons/{p}/trajectory?{Window}&purpose=case-2026-1")).EnsureSuccessStatusCode();
        await using var db = host.Db();
        Assert.True((await AuditVerifier.VerifyAsync(db, default)).Intact);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Seq\" = 3");
        var tail = await AuditVerifier.VerifyAsync(db, default);
        Assert.Equal((false, 3L, AuditVerifier.TailMissing), (tail.Intact, tail.BrokenAtSeq, tail.Problem));

        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Seq\" = 1");
        var middle = await AuditVerifier.VerifyAsync(db, default);
        Assert.Equal((false, 1L, AuditVerifier.Missing), (middle.Intact, middle.BrokenAtSeq, middle.Problem));
    }

    [Fact]
    public async Task Parallel_appends_from_many_contexts_stay_one_valid_chain()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var ids = host.Services.GetRequiredService<TimeOrderedIds>();
        const int Writers = 6, Each = 15;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                await using var db = host.Db();
                await AuditLog.AppendAsync(db, AuditEntries.Account(ids, host.Time.GetUtcNow().UtcDateTime, 1, "role-change", 100 + w, $"writer {w} step {i}"), default);
            }
        })));
        await using var check = host.Db();
        var result = await AuditVerifier.VerifyAsync(check, default);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(Writers * Each, result.Checked);
        Assert.Equal(Writers * Each, result.HeadSeq);
    }

    [Fact]
    public async Task Ninety_thousand_colour_entries_are_linked_under_one_lock_and_written_in_one_bulk_insert()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var ids = host.Services.GetRequiredService<TimeOrderedIds>();
        var now = host.Time.GetUtcNow().UtcDateTime;
        var entries = Enumerable.Range(0, 90_000).Select(i => AuditEntries.Colour(ids, now, 1_000_000 + i, "Green", "Red", "zone-sealed", "zone:7")).ToList();
        await using var db = host.Db();
        var clock = Stopwatch.StartNew();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await AuditLog.AppendManyAsync(db, entries, default);
            await tx.CommitAsync();
        }
        var append = clock.Elapsed;
        clock.Restart();
        var result = await AuditVerifier.VerifyAsync(db, default);
        output.WriteLine($"{provider}: 90,000 entries appended in {append.TotalMilliseconds:N0} ms, verified in {clock.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(90_000, result.HeadSeq);
        // One bulk insert, not 90,000 round trips: well under a minute even on a loaded test machine.
        Assert.True(append < TimeSpan.FromSeconds(60), $"appending took {append}");
    }
}
