using Fangkong.Bench.Lists;
using Fangkong.Bench.Rounds;
using Fangkong.Bench.Seeding;
using Fangkong.Core.Data;
using Fangkong.Core.Exports;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Jurisdictions;

/// <summary>
/// The cost of the area filter (ADR 0028): each line list's first page and each figure's count, read through the product's
/// use cases on a context confined to the most populous district, beside the same read on an unconfined context in the
/// same run. The confined read returns that district's rows only; its answer is checked against a plain count by the
/// persons' district column as it goes.
/// </summary>
public static class JurisdictionBenchmark
{
    private static readonly List<string> Rows = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var residents = a.Int("residents", 100_000);
        var scale = new ListScale(residents, a.Int("cases", residents / 50), a.Int("contacts", residents / 5), a.Int("stays", residents / 10));
        var runs = a.Int("runs", 30);
        Console.WriteLine($"Jurisdiction benchmark: {scale.Residents:N0} residents, {scale.Cases:N0} cases, {scale.Contacts:N0} contacts, {scale.Stays:N0} stays; {runs} runs after 5 warm-up");
        foreach (var provider in a.Providers())
        {
            var store = await ScratchStore.CreateAsync(provider, a.PostgresServer, "jurisdiction", migrate: false);
            try
            {
                await using var host = await BenchHost.StartAsync(store.Options, _ => ListCity.PrepareAsync(store.Options, scale));
                await MeasureAsync(provider.ToString(), host.Services, runs);
            }
            finally
            {
                await store.DisposeAsync();
            }
        }
        Console.WriteLine();
        Console.WriteLine("| store | read | rows (city → district) | city p50 ms | district p50 ms | district / city |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        Rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task MeasureAsync(string store, IServiceProvider services, int runs)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var lines = scope.ServiceProvider.GetRequiredService<LinePages>();
        var district = await db.Persons.Where(p => p.DistrictCode != null).GroupBy(p => p.DistrictCode)
            .OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
        var area = new AreaReach(Core.Accounts.JurisdictionLevel.District, district, DistrictCode: district);
        var expectedCases = await db.Cases.LongCountAsync(c => c.DistrictCode == district);
        Console.WriteLine($"  {store}: district {district}, {expectedCases:N0} of {await db.Cases.LongCountAsync():N0} cases");

        async Task Compare(string what, Func<Task<long>> read, long? expected = null)
        {
            db.Confine(null);
            var cityRows = await read();
            var city = await RoundCity.TimeAsync(5, runs, read);
            db.Confine(area);
            var districtRows = await read();
            if (expected is { } e && districtRows != e) throw new InvalidOperationException($"{what}: {districtRows} rows confined, the store's {e}");
            var confined = await RoundCity.TimeAsync(5, runs, read);
            db.Confine(null);
            var (c50, d50) = (RoundCity.Q(city, 0.5), RoundCity.Q(confined, 0.5));
            Rows.Add($"| {store} | {what} | {cityRows:N0} → {districtRows:N0} | {c50:F2} | {d50:F2} | {d50 / c50:F2}× |");
            Console.WriteLine($"  {what}: {c50:F2} → {d50:F2} ms");
        }

        await Compare("cases list, page 1 (count included)", async () => (await lines.CasesAsync(db, new CaseLineFilter(), null, 50, null, default)).Count, Math.Min(expectedCases, Core.Common.Keyset.CountCap));
        await Compare("contacts list, page 1 (every contact)", async () => (await lines.ContactsAsync(db, new ContactLineFilter { Scope = ContactScope.All }, null, 50, null, default)).Count);
        await Compare("quarantine list, page 1", async () => (await lines.QuarantinedAsync(db, new QuarantineLineFilter(), null, 50, null, default)).Count);
        await Compare("figure: cases (count)", () => db.Cases.LongCountAsync(), expectedCases);
        await Compare("figure: contacts under management (count)", () => db.ContactProposals.LongCountAsync(p => p.Status == Domain.Tracing.ProposalStatus.Confirmed && p.ReleasedAtUtc == null));
        await Compare("figure: in quarantine (count)", () => db.QuarantineStays.LongCountAsync(s => s.State == Domain.Quarantine.QuarantineState.InQuarantine));
        await Compare("persons search by name prefix 王", async () => (await scope.ServiceProvider.GetRequiredService<Core.People.PersonDirectory>().SearchAsync(db, "王", 1, 50, default)).Total);
    }
}
