using System.CommandLine;
using System.Globalization;
using Fangkong.Core.Audit;
using Fangkong.Core.Data;

namespace Fangkong.Cli.Audit;

/// <summary>`fangkong audit verify`: walks the audit log's hash chain and reports the first broken entry (ADR 0024).</summary>
internal static class AuditVerb
{
    public static Command Create()
    {
        var verify = new Command("verify", "Walk the audit log's hash chain and report the first entry where it breaks (exit code 1)")
        {
            StoreOptions.Provider, StoreOptions.Connection,
        };
        verify.SetAction(async (parse, ct) =>
        {
            await using var db = new FangkongDb(StoreOptions.From(parse).BuildOptions());
            var result = await AuditVerifier.VerifyAsync(db, ct);
            Console.WriteLine(result.Describe());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Entries checked: {result.Checked:N0}; head: {result.HeadSeq} {result.HeadHash}"));
            if (result.Intact) return 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Broken at entry {result.BrokenAtSeq} (id {result.BrokenEntryId}): {result.Problem}"));
            return 1;
        });
        return new Command("audit", "The tamper-evident audit log") { verify };
    }
}
