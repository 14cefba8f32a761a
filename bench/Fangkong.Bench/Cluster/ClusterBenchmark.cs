namespace Fangkong.Bench.Cluster;

/// <summary>
/// The cluster's clients for deploy/fault-test.sh and deploy/throughput.sh (issue 22): they talk to a running cluster
/// (deploy/cluster.sh start) through HAProxy, and read its store through the same multi-host connection string.
/// </summary>
public static class ClusterBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args.Length > 1 ? args[1..] : []);
        return args.FirstOrDefault() switch
        {
            "prepare" => await Prepare(a),
            "load" => await ClusterLoad.RunAsync(a),
            "verify" => await ClusterLoad.VerifyAsync(a),
            "capacity" => await ClusterCapacity.RunAsync(a),
            "throughput" => await ClusterThroughput.RunAsync(a),
            _ => Usage(),
        };
    }

    private static async Task<int> Prepare(BenchArgs a)
    {
        await ClusterFixture.PrepareAsync(a.Get("postgres", ""));
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Fangkong.Bench cluster prepare|load|verify|capacity|throughput --url http://127.0.0.1:56010 --postgres <multi-host cs> [--seconds 20] [--tag run] [--acked file] [--visitors 200] [--pids 1,2,3]");
        return 2;
    }
}
