using System.Collections.Concurrent;

namespace Fangkong.Core.Seeding;

/// <summary>Helpers for the row streams the seeder hands to the bulk loader.</summary>
internal static class RowPipeline
{
    private const int BatchRows = 4_096;

    /// <summary>
    /// Runs the generator on its own thread, handing rows over in batches through a short bounded queue, so
    /// generating the next rows overlaps with writing the last ones (the machine has two cores). The
    /// generator stays single-threaded, so the rows and their order are exactly those of a plain enumeration.
    /// </summary>
    public static IEnumerable<object?[]> Ahead(IEnumerable<object?[]> rows, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<object?[][]>(boundedCapacity: 16);
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<object?[]>(BatchRows);
                foreach (var row in rows)
                {
                    batch.Add(row);
                    if (batch.Count == BatchRows)
                    {
                        queue.Add([.. batch], stop.Token);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0) queue.Add([.. batch], stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
                foreach (var row in batch) yield return row;
            producer.GetAwaiter().GetResult(); // a generator error surfaces here
        }
        finally
        {
            // The writer stopped early (error or cancellation): stop the generator too and let it finish.
            stop.Cancel();
            try { producer.Wait(CancellationToken.None); }
            catch (AggregateException) { }
        }
    }

    /// <summary>Reports the number of rows taken so far every <paramref name="every"/> rows and at the end.</summary>
    public static IEnumerable<object?[]> Counted(IEnumerable<object?[]> rows, int every, Action<long> report)
    {
        long n = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++n % every == 0) report(n);
        }
        report(n);
    }
}
