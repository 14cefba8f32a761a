using System.Diagnostics;
using System.Globalization;
using System.Net;
using Fangkong.Bench.Gate;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Core.VenueCodes;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.VenueCodes;

/// <summary>
/// Venue-code scans over HTTP (issue 21): residents' phones scanning buses' codes through the real web host, measured in the
/// same run and on the same store as the gate's check-in/out and a bare Kestrel endpoint — closed-loop at a fixed number of
/// clients (cost per request), then in bursts (a bus's 40 passengers within seconds, several buses at once). Every
/// acknowledged scan must be written once.
/// </summary>
public static class VenueCodesBenchmark
{
    private const int Devices = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var seconds = TimeSpan.FromSeconds(a.Int("seconds", 10));
        var warmUp = TimeSpan.FromSeconds(a.Int("warmup", 3));
        var workers = a.Int("concurrency", 64);
        var buses = a.Int("buses", 8);
        var passengers = a.Int("passengers", 40);
        var window = TimeSpan.FromSeconds(a.Int("burst-seconds", 30));
        var bursts = a.Int("bursts", 1);
        var phones = Math.Max(workers, buses * passengers);
        Console.WriteLine($"Venue-code benchmark: {workers} concurrent clients, {warmUp.TotalSeconds:0}s warm-up + {seconds.TotalSeconds:0}s measured per endpoint; "
            + $"bursts of {buses} buses × {passengers} passengers within {window.TotalSeconds:0}s; {Environment.ProcessorCount} cores");
        var failed = false;
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "venuecodes");
            await using var host = await StartAsync(storage, phones, buses);
            var (baseline, baseUrl) = await Baselines.StartAsync(await a.FreshStoreAsync(provider, "naive"));
            await using var _ = baseline;
            using var plain = BenchHost.Client(baseUrl);
            var ids = await IdNumbersAsync(storage);
            var tokens = await TokensAsync(host, buses);
            var rnd = new Random(1);

            var bare = await LoadGenerator.RunAsync("bare Kestrel", workers, warmUp, seconds, async (w, n) =>
                (await plain.PostAsJsonAsync("/bare", new { idempotencyKey = $"b{w}-{n}", idNumber = ids[(w + n * workers) % ids.Length], temperature = 36.5m })).IsSuccessStatusCode);
            Npgsql.NpgsqlConnection.ClearAllPools();

            var gates = await Task.WhenAll(Enumerable.Range(0, Devices).Select(d => host.LoginAsync($"bench-gate-{d}", "bench")));
            long gateAcks = 0;
            // Each gate worker walks its own visitors: in, then out (as the gate benchmark).
            var gate = await LoadGenerator.RunAsync("gate check-in/out", workers, warmUp, seconds, async (w, n) =>
            {
                var person = ids[(w + (n / 2) * workers) % ids.Length];
                var r = await gates[w % Devices].PostAsJsonAsync(n % 2 == 0 ? "/api/gate/check-in" : "/api/gate/check-out",
                    new { idempotencyKey = $"g{w}-{n}-{rnd.Next():x}", idNumber = person, temperature = 36.5m });
                if (r.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref gateAcks);
                return r.IsSuccessStatusCode;
            });

            // Signed in a few at a time: hundreds of password checks at once would measure the sign-in, not the scans.
            var residents = new HttpClient[phones];
            foreach (var chunk in Enumerable.Range(0, phones).Chunk(16))
                foreach (var (p, client) in chunk.Zip(await Task.WhenAll(chunk.Select(p => host.LoginAsync($"bench-resident-{p}", "bench")))))
                    residents[p] = client;
            var queue = host.Services.GetRequiredService<GateQueue>();
            var (batches0, requests0) = (queue.Batches, queue.Requests);
            long scanAcks = 0;
            // Each phone scans its bus: in, then out on the next scan.
            var scan = await LoadGenerator.RunAsync("venue-code scan in/out", workers, warmUp, seconds, async (w, n) =>
            {
                var r = await residents[w].PostAsJsonAsync("/api/venue-codes/scans", new { token = tokens[w % buses], idempotencyKey = $"s{w}-{n}-{rnd.Next():x}" });
                if (r.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref scanAcks);
                return r.IsSuccessStatusCode;
            });
            var groupSize = (double)(queue.Requests - requests0) / Math.Max(1, queue.Batches - batches0);

            // Bursts: every bus's passengers scan within the window, each at a random moment (open loop).
            var burstLatencies = new List<double>();
            long burstErrors = 0;
            for (var round = 0; round < bursts; round++)
            {
                var started = Stopwatch.GetTimestamp();
                var sends = Enumerable.Range(0, buses * passengers).Select(async p =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(rnd.NextDouble() * window.TotalMilliseconds));
                    var t0 = Stopwatch.GetTimestamp();
                    var r = await residents[p].PostAsJsonAsync("/api/venue-codes/scans", new { token = tokens[p / passengers], idempotencyKey = $"burst{round}-{p}" });
                    var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    if (r.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref scanAcks);
                    else Interlocked.Increment(ref burstErrors);
                    lock (burstLatencies) burstLatencies.Add(ms);
                }).ToList();
                await Task.WhenAll(sends);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"burst {round + 1}: {buses * passengers} scans in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}s"));
            }
            burstLatencies.Sort();
            double Q(double q) => burstLatencies.Count == 0 ? double.NaN : burstLatencies[Math.Min(burstLatencies.Count - 1, (int)(q * burstLatencies.Count))];

            await using var db = new FangkongDb(storage.BuildOptions());
            var venueCodeDevices = await db.VenueCodes.Select(c => c.DeviceId).ToListAsync();
            var scansWritten = await db.GateEvents.LongCountAsync(e => venueCodeDevices.Contains(e.DeviceId));
            var gateWritten = await db.GateEvents.LongCountAsync(e => !venueCodeDevices.Contains(e.DeviceId));
            Console.WriteLine();
            Console.WriteLine($"### {provider}");
            Console.WriteLine(LoadResult.Header);
            Console.WriteLine(bare.Row());
            Console.WriteLine(gate.Row());
            Console.WriteLine(scan.Row());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cost per request, scan / gate: {gate.PerSecond / scan.PerSecond:F2}× (target ≤ 1.20×)   scan / bare: {scan.PerSecond / bare.PerSecond:F2}× of bare's throughput   p99 scan / gate: {scan.P(0.99) / gate.P(0.99):F2}   mean group: {groupSize:F1} requests/commit"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bursts: {burstLatencies.Count} scans, p50 {Q(0.5):F1} ms, p99 {Q(0.99):F1} ms, max {Q(1):F1} ms, errors {burstErrors}"));
            Console.WriteLine($"gate: acknowledged {gateAcks:N0}, written {gateWritten:N0}; scans: acknowledged {scanAcks:N0}, written {scansWritten:N0}: "
                + (gateAcks == gateWritten && scanAcks == scansWritten ? "every acknowledged request is written, once" : "MISMATCH"));
            failed |= gateAcks != gateWritten || scanAcks != scansWritten || gate.Errors > 0 || scan.Errors > 0 || burstErrors > 0;
        }
        return failed ? 1 : 0;
    }

    private static Task<BenchHost> StartAsync(StorageOptions storage, int phones, int buses) => BenchHost.StartAsync(storage, async _ =>
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        db.Venues.Add(new Venue { Id = 1, Name = "基准测试大厅", Type = VenueType.ServiceHall, DistrictCode = "220402", Capacity = 0, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue });
        for (var b = 0; b < buses; b++)
            db.Venues.Add(new Venue { Id = 100 + b, Name = $"基准公交{b + 1}路", Type = VenueType.Bus, DistrictCode = "220402", Capacity = 0, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue });
        var hash = PasswordHasher.Hash("bench");
        for (var d = 0; d < Devices; d++)
        {
            db.GateDevices.Add(new GateDevice { Id = d + 1, VenueId = 1, Name = $"闸机{d + 1}" });
            db.Users.Add(new User { Id = d + 1, UserName = $"bench-gate-{d}", DisplayName = "基准", PasswordHash = hash, Role = Roles.GateOperator, VenueId = 1, DeviceId = d + 1 });
        }
        var born = new DateOnly(1960, 1, 1);
        var persons = Math.Max(20_000, phones);
        for (var i = 0; i < persons; i++)
        {
            db.Persons.Add(new Person
            {
                Id = i + 1,
                DocumentType = DocumentType.ResidentIdCard,
                Name = "居民" + i,
                Token = $"bench-{i:D8}",
                DocumentNumber = ResidentIdNumber.Compose("220402", born.AddDays(i / 500), i % 500 * 2 + 1),
            });
        }
        // The phones are the last persons: the gate's visitors (the first) are others.
        for (var p = 0; p < phones; p++)
            db.Users.Add(new User { Id = 1000 + p, UserName = $"bench-resident-{p}", DisplayName = "居民", PasswordHash = hash, Role = Roles.Resident, PersonId = persons - p });
        await db.SaveChangesAsync();
    });

    private static async Task<string[]> TokensAsync(BenchHost host, int buses)
    {
        var issuer = host.Services.GetRequiredService<VenueCodeIssuer>();
        var tokens = new string[buses];
        for (var b = 0; b < buses; b++)
        {
            await using var db = host.Services.GetRequiredService<IDbContextFactory<FangkongDb>>().CreateDbContext();
            tokens[b] = (await issuer.IssueAsync(db, 100 + b, host.Url, default)).Token;
        }
        return tokens;
    }

    private static async Task<string[]> IdNumbersAsync(StorageOptions storage)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        // The gate's visitors, not the phones' persons, so a gate visit and a bus ride never share a person.
        return await db.Persons.OrderBy(p => p.Id).Take(10_000).Select(p => p.DocumentNumber).ToArrayAsync();
    }
}
