using Fangkong.Bench.Gate;
using Fangkong.Bench.Seeding;

// dotnet run -c Release --project bench/Fangkong.Bench -- <benchmark> [options]; see docs/performance.md.
// One benchmark per subcommand, each in its own folder: add new ones as a case here and a line in Usage.
return args.FirstOrDefault() switch
{
    "gate" => await GateBenchmark.RunAsync(args[1..]),
    "seed" => await SeedBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fangkong.Bench gate [--provider sqlite|postgres|both] [--postgres <cs>] [--seconds 10] [--concurrency 64]");
    Console.Error.WriteLine("       Fangkong.Bench seed [--provider sqlite|postgres|both] [--postgres <cs>] [--residents 100000] [--days 3] [--seed 20220101]");
    return 2;
}
