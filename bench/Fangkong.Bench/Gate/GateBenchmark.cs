using System.Globalization;
using System.Net;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Gate;

/// <summary>
/// Gate check-ins per second and latency percentiles through the real web host, against a bare Kestrel
/// endpoint and a naive one-INSERT-per-request endpoint measured in the same run on the same store.
/// </summary>
public static class GateBenchmark
{
    internal const int Devices = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var seconds = TimeSpan.FromSeconds(a.Int("seconds", 10));
        var warmUp = TimeSpan.FromSeconds(a.Int("warmup", 3));
        var workers = a.Int("concurrency", 64);
        var persons = a.Int("persons", 20_000);
        Console.WriteLine($"Gate benchmark: {workers} concurrent clients, {warmUp.TotalSeconds:0}s warm-up + {seconds.TotalSeconds:0}s measured per endpoint, {Environment.ProcessorCount} cores");
        var failed = false;
        foreach (var provider in a.Providers())
        {
            var storage = await a.FreshStoreAsync(provider, "gate");
            await using var gate = await StartGateAsync(storage, persons);
            var (baseline, baseUrl) = await Baselines.StartAsync(await a.FreshStoreAsync(provider, "naive"));
            await using var _ = baseline;
            using var plain = BenchHost.Client(baseUrl);
            var ids = await LoadIdNumbersAsync(storage);
            var rnd = new Random(1);

            var bare = await LoadGenerator.RunAsync("bare Kestrel", workers, warmUp, seconds, async (w, n) =>
                (await plain.PostAsJsonAsync("/bare", new { idempotencyKey = $"b{w}-{n}", idNumber = ids[(w + n * workers) % ids.Length], temperature = 36.5m })).IsSuccessStatusCode);
            var naive = await LoadGenerator.RunAsync("naive INSERT/request", workers, warmUp, seconds, async (w, n) =>
                (await plain.PostAsJsonAsync("/naive", new { idempotencyKey = $"n{w}-{n}", idNumber = ids[(w + n * workers) % ids.Length], temperature = 36.5m })).IsSuccessStatusCode);

            // The baseline's pooled connections must not count against the server's limit during the gate run.
            Npgsql.NpgsqlConnection.ClearAllPools();
            var clients = await Task.WhenAll(Enumerable.Range(0, Devices).Select(d => gate.LoginAsync($"bench-gate-{d}", "bench")));
            var writer = gate.Services.GetRequiredService<GateQueue>();
            var (batches0, requests0) = (writer.Batches, writer.Requests);
            long acknowledged = 0;
            // Each worker walks its own visitors: in, then out, so occupancy stays bounded like a real hall.
            var result = await LoadGenerator.RunAsync("gate check-in/out", workers, warmUp, seconds, async (w, n) =>
            {
                var person = ids[(w + (n / 2) * workers) % ids.Length];
                var path = n % 2 == 0 ? "/api/gate/check-in" : "/api/gate/check-out";
                var r = await clients[w % Devices].PostAsJsonAsync(path, new { idempotencyKey = $"g{w}-{n}-{rnd.Next():x}", idNumber = person, temperature = 36.5m });
                if (r.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref acknowledged);
                return r.IsSuccessStatusCode;
            });
            var groupSize = (double)(writer.Requests - requests0) / Math.Max(1, writer.Batches - batches0);

            await using var db = new FangkongDb(storage.BuildOptions());
            var written = await db.GateEvents.LongCountAsync();
            Console.WriteLine();
            Console.WriteLine($"### {provider}");
            Console.WriteLine(LoadResult.Header);
            Console.WriteLine(bare.Row());
            Console.WriteLine(naive.Row());
            Console.WriteLine(result.Row());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gate / naive throughput: {result.PerSecond / naive.PerSecond:F2}×   gate / bare: {result.PerSecond / bare.PerSecond:F2}×   p99 gate / naive: {result.P(0.99) / naive.P(0.99):F2}   mean group: {groupSize:F1} requests/commit"));
            Console.WriteLine($"acknowledged {acknowledged:N0}, written {written:N0} gate events: {(acknowledged == written ? "every acknowledged request is written, once" : "MISMATCH")}");
            failed |= acknowledged != written || result.Errors > 0;
        }
        return failed ? 1 : 0;
    }

    internal static Task<BenchHost> StartGateAsync(StorageOptions storage, int persons, IReadOnlyDictionary<string, string?>? settings = null) => BenchHost.StartAsync(storage, async _ =>
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        db.Venues.Add(new Venue { Id = 1, Name = "基准测试大厅", Type = VenueType.ServiceHall, DistrictCode = "220402", Capacity = 0, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue });
        var hash = PasswordHasher.Hash("bench");
        for (var d = 0; d < Devices; d++)
        {
            db.GateDevices.Add(new GateDevice { Id = d + 1, VenueId = 1, Name = $"闸机{d + 1}" });
            db.Users.Add(new User { Id = d + 1, UserName = $"bench-gate-{d}", DisplayName = "基准", PasswordHash = hash, Role = Roles.GateOperator, VenueId = 1, DeviceId = d + 1 });
        }
        var born = new DateOnly(1960, 1, 1);
        for (var i = 0; i < persons; i++)
        {
            db.Persons.Add(new Person
            {
                Id = i + 1,
                DocumentType = DocumentType.ResidentIdCard,
                Name = "访客" + i,
                Token = $"bench-{i:D8}",
                DocumentNumber = ResidentIdNumber.Compose("220402", born.AddDays(i / 500), i % 500 * 2 + 1),
            });
        }
        await db.SaveChangesAsync();
    }, settings);

    internal static async Task<string[]> LoadIdNumbersAsync(StorageOptions storage)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        return await db.Persons.OrderBy(p => p.Id).Select(p => p.DocumentNumber).ToArrayAsync();
    }
}
