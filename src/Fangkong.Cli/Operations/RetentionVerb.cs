using System.CommandLine;
using System.Globalization;
using Fangkong.Core.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Operations;

/// <summary>`fangkong retention purge [--dry-run]`: the daily purge on demand, or what it would delete now, per class (ADR 0026).</summary>
internal static class RetentionVerb
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what is due per class; delete nothing" };
        var purge = new Command("purge", "Delete every class of personal data past its retention period (Policy:Retention:*, Policy:Gate:EntryRetentionDays)")
        {
            dryRun, StoreOptions.Provider, StoreOptions.Connection, StoreOptions.SettingsFile,
        };
        purge.SetAction(async (parse, ct) =>
        {
            await using var services = await KeysVerb.ServicesAsync(parse, ct);
            var run = services.GetRequiredService<RetentionRun>();
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var dry = parse.GetValue(dryRun);
            var counts = dry ? await run.DueAsync(now, ct) : await run.PurgeAsync(now, ct);
            Console.WriteLine(dry ? $"Due at {now:u} (nothing deleted):" : $"Purged at {now:u}:");
            foreach (var c in counts) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Class,-14} {c.Count,12:N0}"));
            return 0;
        });
        return new Command("retention", "Retention of personal data") { purge };
    }
}
