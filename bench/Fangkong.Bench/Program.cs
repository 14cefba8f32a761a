using Fangkong.Bench.Contacts;
using Fangkong.Bench.Dashboard;
using Fangkong.Bench.Gate;
using Fangkong.Bench.Jurisdictions;
using Fangkong.Bench.Lists;
using Fangkong.Bench.Rounds;
using Fangkong.Bench.Seeding;
using Fangkong.Bench.Zones;

// dotnet run -c Release --project bench/Fangkong.Bench -- <benchmark> [options]; see docs/performance.md.
// One benchmark per subcommand, each in its own folder: add new ones as a case here and a line in Usage.
return args.FirstOrDefault() switch
{
    "gate" => await GateBenchmark.RunAsync(args[1..]),
    "seed" => await SeedBenchmark.RunAsync(args[1..]),
    "sampling" => await SamplingBenchmark.RunAsync(args[1..]),
    "fanout" => await FanOutBenchmark.RunAsync(args[1..]),
    "coverage" => await CoverageBenchmark.RunAsync(args[1..]),
    "contacts" => await ContactsBenchmark.RunAsync(args[1..]),
    "lists" => await ListsBenchmark.RunAsync(args[1..]),
    "test-list" => await TestListBenchmark.RunAsync(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "zones" => await ZonesBenchmark.RunAsync(args[1..]),
    "jurisdiction" => await JurisdictionBenchmark.RunAsync(args[1..]),
    "supplies" => await Fangkong.Bench.Supplies.SuppliesBenchmark.RunAsync(args[1..]),
    "venue-codes" => await Fangkong.Bench.VenueCodes.VenueCodesBenchmark.RunAsync(args[1..]),
    "overload" => await Fangkong.Bench.Overload.OverloadBenchmark.RunAsync(args[1..]),
    "cluster" => await Fangkong.Bench.Cluster.ClusterBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fangkong.Bench gate [--provider sqlite|postgres|both] [--postgres <cs>] [--seconds 10] [--concurrency 64]");
    Console.Error.WriteLine("       Fangkong.Bench seed [--provider sqlite|postgres|both] [--postgres <cs>] [--residents 100000] [--days 3] [--seed 20220101]");
    Console.Error.WriteLine("       Fangkong.Bench sampling [--provider …] [--residents 20000] [--concurrency 32] [--seconds 10]");
    Console.Error.WriteLine("       Fangkong.Bench fanout [--provider …] [--tubes 100000] [--runs 1] [--keep]");
    Console.Error.WriteLine("       Fangkong.Bench coverage [--provider …] [--residents 1000000] [--runs 50]");
    Console.Error.WriteLine("       Fangkong.Bench contacts [--provider …] [--residents 1000000] [--days 14] [--visits-per-day 7] [--cases 1000] [--runs 2] [--keep]");
    Console.Error.WriteLine("       Fangkong.Bench lists [--provider …] [--residents 300000] [--cases 20000] [--contacts 200000] [--stays 100000] [--runs 50] [--deep 150000] [--exports 1] [--exports-only] [--keep]");
    Console.Error.WriteLine("       Fangkong.Bench test-list [--provider …] [--residents 100000] [--runs 30] [--keep]");
    Console.Error.WriteLine("       Fangkong.Bench dashboard [--provider …] [--residents 100000] [--days 30] [--seeds residents/20000] [--attack 1] [--cap 0] [--runs 20] [--keep] [--prepare-only]");
    Console.Error.WriteLine("       Fangkong.Bench zones [--provider …] [--residents 1000000] [--compounds 200] [--sealed-residents 100000]");
    Console.Error.WriteLine("       Fangkong.Bench jurisdiction [--provider …] [--residents 100000] [--cases residents/50] [--contacts residents/5] [--stays residents/10] [--runs 30]");
    Console.Error.WriteLine("       Fangkong.Bench supplies [--provider …] [--residents 250000] [--households 100000] [--orders 50000]");
    Console.Error.WriteLine("       Fangkong.Bench venue-codes [--provider …] [--concurrency 64] [--seconds 10] [--buses 8] [--passengers 40] [--burst-seconds 30] [--bursts 1]");
    Console.Error.WriteLine("       Fangkong.Bench overload [--provider …] [--readers 512] [--gates 16] [--limit 16] [--seconds 10]");
    Console.Error.WriteLine("       Fangkong.Bench cluster prepare|load|verify|capacity|throughput --url <HAProxy> --postgres <multi-host cs>  (deploy/fault-test.sh, deploy/throughput.sh)");
    return 2;
}
