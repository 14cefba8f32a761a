using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Bench.Gate;
using Fangkong.Bench.Rounds;
using Fangkong.Bench.Seeding;
using Fangkong.Core.Common;
using Fangkong.Core.Seeding;
using Fangkong.Domain.People;

namespace Fangkong.Bench.Lists;

/// <summary>
/// The line lists and their exports at Jilin's scale, over real HTTP through the product's host with an
/// epidemiologist's cookie: first pages of the three lists, a filtered page, searches by ID number and by phone, and a
/// deep page continued by key, each beside a bare Kestrel request measured in the same run; the deep keyset page
/// beside the plain SQL OFFSET page of the same join that keyset paging replaces; and an XLSX export of every contact
/// from request to done. Every answer is checked against the store as it goes; a mismatch fails the run.
/// </summary>
public static class ListsBenchmark
{
    private static readonly List<string> Times = [], Deep = [], Exports = [], Writers = [];

    /// <summary>The contact list's filter for every contact: by default it lists only those that need action.</summary>
    private const string EveryContact = """{"scope":"All"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var scale = new ListScale(a.Int("residents", 300_000), a.Int("cases", 20_000), a.Int("contacts", 200_000), a.Int("stays", 100_000));
        var runs = a.Int("runs", 50);
        var deep = a.Int("deep", Math.Min(150_000, scale.Contacts * 3 / 4));
        var exports = a.Int("exports", 1);
        var keep = args.Contains("--keep");
        // --exports-only skips the page requests and the deep page: only the export(s), e.g. to compare two writers.
        var exportsOnly = args.Contains("--exports-only");
        Console.WriteLine($"Lists benchmark: {scale.Residents:N0} residents, {scale.Cases:N0} cases, {scale.Contacts:N0} contacts, {scale.Stays:N0} quarantine stays; " +
            $"{runs} requests each after 5 warm-up, deep page after row {deep:N0}, {exports} export(s), {Environment.ProcessorCount} cores");
        foreach (var provider in a.Providers())
        {
            Console.WriteLine();
            Console.WriteLine($"## {provider}");
            var store = await ScratchStore.CreateAsync(provider, a.PostgresServer, "lists", migrate: false);
            var bareStore = await ScratchStore.CreateAsync(provider, a.PostgresServer, "bare", migrate: false);
            try
            {
                await RunOnAsync(provider.ToString(), store, bareStore, scale, runs, deep, exports, exportsOnly);
            }
            finally
            {
                await bareStore.DisposeAsync();
                // --keep leaves the outbreak's store for looking at query plans afterwards.
                if (keep) Console.WriteLine($"  kept: {store.Options.ConnectionString}");
                else await store.DisposeAsync();
            }
        }
        Console.WriteLine();
        Console.WriteLine("### Requests over HTTP (ratio: p50 over the bare Kestrel p50 of the same store and run)");
        Console.WriteLine("| store | request | rows | p50 ms | p90 ms | p99 ms | p50 / bare |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        Times.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"### Deep page (rows {deep + 1:N0}–{deep + 50:N0} of the contacts): keyset vs OFFSET, p50 ms");
        Console.WriteLine("| store | keyset SQL | keyset page via API (HTTP, count included) | OFFSET SQL | OFFSET / keyset SQL | OFFSET / API page |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Deep.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("### Export of every contact as XLSX via the API");
        Console.WriteLine("| store | rows | request → done s | reading the rows alone s | rows/s | file MB | download ms | managed heap before → peak MB (retained) | allocated MB | working set before → peak MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Exports.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("### The XLSX writer alone: every contact's cells (read once into memory) written to a file, the former writer as the baseline in the same run");
        Console.WriteLine("| store | writer | rows | s | rows/s | file MB | managed heap peak above the rows MB | allocated MB | time / baseline |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        Writers.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task RunOnAsync(string label, ScratchStore store, ScratchStore bareStore, ListScale scale, int runs, int deep, int exports, bool exportsOnly)
    {
        await using var host = await BenchHost.StartAsync(store.Options, _ => ListCity.PrepareAsync(store.Options, scale));
        var (baseline, baseUrl) = await Baselines.StartAsync(bareStore.Options);
        await using var _ = baseline;
        using var plain = BenchHost.Client(baseUrl);
        using var epi = await host.LoginAsync("epi", SeedOptions.DemoPassword);
        var facts = await ListFacts.ReadAsync(store.Options);
        if (!exportsOnly)
            await using (var sql = await ListSql.OpenAsync(store.Options)) await MeasureAsync(label, epi, plain, sql, facts, runs, deep);
        for (var i = 0; i < exports; i++) await ExportAsync(label, epi, host.Services, facts);
        if (exports > 0) await WritersAsync(label, host.Services);
    }

    private static async Task MeasureAsync(string store, HttpClient epi, HttpClient plain, ListSql sql, ListFacts facts, int runs, int deep)
    {
        async Task<JsonElement> Get(string url)
        {
            var r = await epi.GetAsync(url);
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            return await r.Content.ReadFromJsonAsync<JsonElement>();
        }
        var bare = await RoundCity.TimeAsync(5, runs, async () => (await plain.PostAsJsonAsync("/bare", new { idNumber = "x" })).EnsureSuccessStatusCode());
        var bareP50 = RoundCity.Q(bare, 0.5);
        Times.Add(Row(store, "bare Kestrel (baseline)", 0, bare, bareP50));
        var cap = Keyset.CountCap;

        // Each request is checked once against the store, then timed.
        async Task Timed(string what, string url, Action<JsonElement> check)
        {
            var page = await Get(url);
            check(page);
            var times = await RoundCity.TimeAsync(5, runs, () => Get(url));
            Times.Add(Row(store, what, Items(page).Count, times, bareP50));
            Console.WriteLine($"  {what}: checked, p50 {RoundCity.Q(times, 0.5):F2} ms");
        }

        // The contact list opens on what needs action (proposed, or confirmed and not released); scope=All lists every contact.
        await Timed("contacts, page 1", "/api/lists/contacts", p =>
        {
            var ids = Ids(p);
            Check(ids.Count == 50 && ids[0] == facts.NewestOpen && Descending(ids), "contacts page 1: 50 rows, the newest open contact first");
            Check(Items(p).All(r => r.GetProperty("status").GetString() == "Proposed" || (r.GetProperty("status").GetString() == "Confirmed" && r.GetProperty("releasedAtUtc").ValueKind == JsonValueKind.Null)),
                "contacts page 1: only open contacts");
            Check(p.GetProperty("count").GetInt64() == Math.Min(facts.Open, cap) && p.GetProperty("countCapped").GetBoolean() == facts.Open > cap, "contacts page 1: count");
            Check(p.GetProperty("next").GetInt64() == ids[^1], "contacts page 1: next is the last key");
        });
        await Timed("contacts, page 1 of every contact (scope=All)", "/api/lists/contacts?scope=All", p =>
        {
            var ids = Ids(p);
            Check(ids.Count == 50 && ids[0] == facts.NewestContact && Descending(ids), "every contact, page 1: 50 rows, newest first");
            Check(p.GetProperty("count").GetInt64() == Math.Min(facts.Contacts, cap) && p.GetProperty("countCapped").GetBoolean() == facts.Contacts > cap, "every contact, page 1: count");
        });
        // The contact list's web page: the same first page, plus the two counts on its tabs (proposed, under observation).
        var html = await epi.GetStringAsync("/tracing/contacts");
        Check(Regex.Count(html, "data-testid=\"contact-row\"") == 50, "contacts web page: 50 rows");
        var (proposed, observed) = (TabCount(html, "Proposed"), TabCount(html, "UnderObservation"));
        Check(proposed == Shown(facts.Proposed) && observed == Shown(facts.UnderObservation),
            $"contacts web page: the tabs' counts {proposed} and {observed}, the store's {Shown(facts.Proposed)} and {Shown(facts.UnderObservation)}");
        var web = await RoundCity.TimeAsync(5, runs, () => epi.GetStringAsync("/tracing/contacts"));
        Times.Add(Row(store, "contacts web page (that page 1 and two tab counts, HTML)", 50, web, bareP50));
        Console.WriteLine($"  contacts web page: checked, p50 {RoundCity.Q(web, 0.5):F2} ms");
        await Timed("cases, page 1", "/api/lists/cases", p =>
        {
            var first = Items(p)[0];
            Check(Ids(p).Count == 50 && first.GetProperty("id").GetInt64() == facts.NewestCase && Descending(Ids(p)), "cases page 1: newest first");
            Check(first.GetProperty("confirmedContacts").GetInt32() == facts.NewestCaseConfirmed, "cases page 1: confirmed contacts of the newest case");
        });
        await Timed("quarantine, page 1", "/api/lists/quarantine", p =>
            Check(Ids(p).Count == 50 && Ids(p)[0] == facts.NewestStay && Descending(Ids(p)), "quarantine page 1: newest first"));
        await Timed("contacts, grade=Close&status=Confirmed", "/api/lists/contacts?grade=Close&status=Confirmed", p =>
        {
            Check(Items(p).All(r => r.GetProperty("grade").GetString() == "Close" && r.GetProperty("status").GetString() == "Confirmed"), "filter: only close, confirmed");
            Check(Ids(p)[0] == facts.NewestCloseConfirmed && Descending(Ids(p)), "filter: newest first");
            Check(p.GetProperty("count").GetInt64() == Math.Min(facts.CloseConfirmed, cap), "filter: count");
        });
        await Timed("contacts, search by ID number", "/api/lists/contacts?scope=All&q=" + facts.ProbeDocument, p =>
        {
            Check(Ids(p).ToHashSet().SetEquals(facts.ContactsOfProbe) && p.GetProperty("count").GetInt64() == facts.ContactsOfProbe.Count, "search by ID: the person's contacts");
            Check(Items(p).All(r => r.GetProperty("documentNumber").GetString() == Masking.DocumentNumber(facts.ProbeDocument)), "search by ID: masked");
        });
        await Timed("contacts, search by phone", "/api/lists/contacts?scope=All&q=" + facts.ProbePhone, p =>
            Check(Ids(p).ToHashSet().SetEquals(facts.ContactsByPhone) && p.GetProperty("count").GetInt64() == facts.ContactsByPhone.Count, "search by phone: contacts with that phone"));

        var key = await sql.KeyAtAsync(deep);
        var byOffset = await sql.OffsetAsync(deep, 50);
        var byKey = await sql.AfterAsync(key, 50);
        Check(byOffset.SequenceEqual(byKey), $"deep page: keyset SQL rows equal OFFSET {deep} rows");
        var deepUrl = $"/api/lists/contacts?scope=All&after={key}";
        await Timed($"contacts, deep page (after row {deep:N0})", deepUrl, p =>
        {
            var items = Items(p);
            Check(items.Count == byOffset.Count, "deep page: 50 rows");
            for (var i = 0; i < items.Count; i++)
            {
                var (r, s) = (items[i], byOffset[i]);
                Check(r.GetProperty("id").GetInt64() == s.Id && r.GetProperty("caseId").GetInt64() == s.CaseId && r.GetProperty("personId").GetInt64() == s.PersonId
                      && r.GetProperty("name").GetString() == Masking.Name(s.Name) && r.GetProperty("documentNumber").GetString() == Masking.DocumentNumber(s.DocumentNumber)
                      && r.GetProperty("phone").GetString() == (s.Phone is null ? null : Masking.Phone(s.Phone)) && r.GetProperty("venueName").GetString() == s.Venue,
                    $"deep page: row {i + 1} equals row {deep + i + 1} of the OFFSET query");
            }
        });
        var api = await RoundCity.TimeAsync(5, runs, () => Get(deepUrl));
        var keyset = await RoundCity.TimeAsync(5, runs, () => sql.AfterAsync(key, 50));
        var offset = await RoundCity.TimeAsync(3, Math.Max(10, runs / 2), () => sql.OffsetAsync(deep, 50));
        var (k, h, o) = (RoundCity.Q(keyset, 0.5), RoundCity.Q(api, 0.5), RoundCity.Q(offset, 0.5));
        Deep.Add(Inv($"| {store} | {k:F2} | {h:F2} | {o:F2} | **{o / k:F0}×** | {o / h:F1}× |"));
        Console.WriteLine(Inv($"  deep page: keyset SQL {k:F2} ms, API {h:F2} ms, OFFSET SQL {o:F2} ms"));
    }

    private static async Task ExportAsync(string store, HttpClient epi, IServiceProvider services, ListFacts facts)
    {
        var e = await ExportProbe.RunAsync(epi, "contacts", "xlsx", EveryContact);
        var (read, reading) = await ExportProbe.ReadOnlyAsync(services, "contacts", EveryContact);
        Check(read == facts.Contacts, $"export source: read {read:N0} rows, the store has {facts.Contacts:N0}");
        Check(e.Total == facts.Contacts && e.Done == e.Total, $"export: total {e.Total:N0} and done {e.Done:N0} equal the store's {facts.Contacts:N0} contacts");
        Check(e.Downloaded == e.FileBytes, $"export: downloaded {e.Downloaded:N0} bytes, the job says {e.FileBytes:N0}");
        Check(e.SheetRows == e.Total + 1, $"export: the sheet has {e.SheetRows:N0} rows, expected the header and {e.Total:N0}");
        const double mb = 1 << 20;
        Exports.Add(Inv($"| {store} | {e.Total:N0} | {e.Elapsed.TotalSeconds:F1} | {reading.TotalSeconds:F1} | {e.RowsPerSecond:N0} | {e.FileBytes / mb:F1} | {e.Download.TotalMilliseconds:F0} | ") +
                    Inv($"{e.HeapBefore / mb:F0} → {e.HeapPeak / mb:F0} ({e.HeapRetained / mb:F0}) | {e.Allocated / mb:N0} | {e.WorkingSetBefore / mb:F0} → {e.WorkingSetPeak / mb:F0} |"));
        Console.WriteLine(Inv($"  export: checked, {e.Total:N0} rows in {e.Elapsed.TotalSeconds:F1} s ({e.RowsPerSecond:N0} rows/s), {e.FileBytes / mb:F1} MB; reading alone {reading.TotalSeconds:F1} s"));
    }

    private static async Task WritersAsync(string store, IServiceProvider services)
    {
        var results = await WriterProbe.RunAsync(services, "contacts", EveryContact);
        const double mb = 1 << 20;
        var baseline = results[0].Elapsed.TotalSeconds;
        foreach (var w in results)
        {
            Writers.Add(Inv($"| {store} | {w.Writer} | {w.Rows:N0} | {w.Elapsed.TotalSeconds:F2} | {w.RowsPerSecond:N0} | {w.FileBytes / mb:F1} | {w.HeapPeakAbove / mb:F0} | {w.Allocated / mb:N0} | {w.Elapsed.TotalSeconds / baseline:F2}× |"));
            Console.WriteLine(Inv($"  writer {w.Writer}: {w.Rows:N0} rows in {w.Elapsed.TotalSeconds:F2} s ({w.RowsPerSecond:N0} rows/s), {w.FileBytes / mb:F1} MB, heap +{w.HeapPeakAbove / mb:F0} MB, allocated {w.Allocated / mb:N0} MB"));
        }
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private static List<long> Ids(JsonElement page) => Items(page).Select(r => r.GetProperty("id").GetInt64()).ToList();

    /// <summary>The count a tab of the contacts page shows, as text ("10,000+" above the cap).</summary>
    private static string? TabCount(string html, string tab) =>
        Regex.Match(html, $"data-testid=\"tab-{tab}\">[^<]*<span class=\"tab-count\">([^<]*)</span>") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    private static string Shown(long count) => count > Keyset.CountCap ? "10,000+" : count.ToString("N0", CultureInfo.InvariantCulture);

    private static bool Descending(List<long> ids) => ids.Zip(ids.Skip(1)).All(p => p.First > p.Second);

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException("CHECK FAILED: " + what);
    }

    private static string Row(string store, string what, int rows, double[] sorted, double bare) =>
        Inv($"| {store} | {what} | {rows} | {RoundCity.Q(sorted, 0.5):F2} | {RoundCity.Q(sorted, 0.9):F2} | {RoundCity.Q(sorted, 0.99):F2} | {RoundCity.Q(sorted, 0.5) / bare:F0}× |");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
