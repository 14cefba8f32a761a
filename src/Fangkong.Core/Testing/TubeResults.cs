using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record ResultRequest(string? Barcode, TubeOutcome? Outcome);
public sealed record ResultAnswer(TubeView Tube, TubeOutcome Outcome, bool Replayed, FanOutSummary? FanOut);
public sealed record ImportProblem(int Line, string Text, string Field, string Message);
public sealed record ImportReport(int Lines, int Accepted, int Unchanged, IReadOnlyList<ImportProblem> Rejected, FanOutSummary? FanOut);

/// <summary>
/// Results per tube, one by one or a lab's CSV file. A result needs the tube received at the lab (by scan) and is
/// final: posting the same result again changes nothing, a different one is refused. Tubes are never re-pooled.
/// </summary>
public sealed class TubeResults(CityClock clock, ResultFanOut fanOut)
{
    public const int MaxImportLines = 200_000;

    public async Task<ResultAnswer> PostAsync(FangkongDb db, ResultRequest r, long userId, CancellationToken ct)
    {
        var outcome = r.Outcome is { } o && Enum.IsDefined(o) ? o : throw new InputException("outcome", Messages.Get("Testing.OutcomeRequired"));
        var tube = await SamplingService.TubeAsync(db, r.Barcode, ct);
        if (Check(tube, outcome) is { } problem) throw new ConflictException(problem.Message, problem.Code);
        if (tube.Outcome == outcome) return new ResultAnswer(SamplingService.View(tube), outcome, true, null);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var set = await SetAsync(db, [tube.Id], outcome, userId, ct);
        var summary = set == 0 ? null : await fanOut.ApplyAsync(db, [tube.Id], ct);
        await tx.CommitAsync(ct);
        return new ResultAnswer(SamplingService.View(await db.Tubes.AsNoTracking().FirstAsync(t => t.Id == tube.Id, ct)), outcome, set == 0, summary);
    }

    /// <summary>
    /// Imports "barcode,result" lines (a header line is recognised and skipped; results 阴性/阳性, negative/positive,
    /// N/P). Bad lines are reported with their number and reason; good lines are kept and fanned out.
    /// </summary>
    public async Task<ImportReport> ImportAsync(FangkongDb db, TextReader csv, long userId, CancellationToken ct)
    {
        var parse = FanOutSections.Start("parse");
        var rows = new List<(int Line, string Text, string Barcode, TubeOutcome Outcome)>();
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>();
        var lineNo = 0;
        while (await csv.ReadLineAsync(ct) is { } line)
        {
            lineNo++;
            if (lineNo > MaxImportLines) throw new InputException("file", Messages.Get("Testing.ImportTooLong", MaxImportLines));
            var text = line.Trim().TrimStart('\uFEFF');
            if (text.Length == 0) continue;
            var cells = text.Split(',', ';', '\t').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (lineNo == 1 && !Barcodes.IsTube(cells[0]) && cells[0].Length > 0 && !char.IsAsciiDigit(cells[0][^1])) continue; // header
            if (cells.Length < 2) { problems.Add(new(lineNo, text, "result", Messages.Get("Testing.NoResultColumn"))); continue; }
            var barcode = Barcodes.Normalise(cells[0]);
            if (!Barcodes.IsTube(barcode)) { problems.Add(new(lineNo, text, "barcode", Messages.Get("Testing.NotATubeBarcode"))); continue; }
            if (ParseOutcome(cells[1]) is not { } outcome) { problems.Add(new(lineNo, text, "result", Messages.Get("Testing.UnknownResult", cells[1], ResultWords))); continue; }
            if (seen.TryGetValue(barcode, out var first)) { problems.Add(new(lineNo, text, "barcode", Messages.Get("Testing.SameTubeAsLine", first))); continue; }
            seen[barcode] = lineNo;
            rows.Add((lineNo, text, barcode, outcome));
        }

        parse?.Dispose();

        // The whole file is one transaction: a failure anywhere (or a cancelled request) leaves every tube as it was.
        var check = FanOutSections.Start("check-tubes");
        var codes = rows.Select(c => c.Barcode).ToList();
        var tubes = await db.Tubes.AsNoTracking().Where(t => EF.Parameter(codes).Contains(t.Barcode))
            .Select(t => new TubeState(t.Id, t.Barcode, t.ReceivedAtUtc, t.Outcome)).ToDictionaryAsync(t => t.Barcode, ct);
        var apply = new Dictionary<TubeOutcome, List<long>> { [TubeOutcome.Negative] = [], [TubeOutcome.Positive] = [] };
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!tubes.TryGetValue(row.Barcode, out var tube)) { problems.Add(new(row.Line, row.Text, "barcode", Messages.Get("Testing.NoSuchTube"))); continue; }
            if (Check(tube, row.Outcome) is { } p) { problems.Add(new(row.Line, row.Text, p.Field, p.Message)); continue; }
            if (tube.Outcome == row.Outcome) { unchanged++; continue; }
            apply[row.Outcome].Add(tube.Id);
        }
        check?.Dispose();
        var accepted = 0;
        var summary = rows.Count == 0 ? null : new FanOutSummary(0, 0, 0, 0, 0, 0, 0, 0);
        if (apply.Values.Any(l => l.Count > 0))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            using (FanOutSections.Start("set-tubes"))
                accepted = await SetAsync(db, apply[TubeOutcome.Negative], TubeOutcome.Negative, userId, ct)
                    + await SetAsync(db, apply[TubeOutcome.Positive], TubeOutcome.Positive, userId, ct);
            summary = await fanOut.ApplyAsync(db, [.. apply[TubeOutcome.Negative], .. apply[TubeOutcome.Positive]], ct);
            using (FanOutSections.Start("commit"))
                await tx.CommitAsync(ct);
        }
        return new ImportReport(lineNo, accepted, unchanged, problems.OrderBy(p => p.Line).ToList(), summary);
    }

    /// <summary>What the checks of a result need of its tube.</summary>
    private sealed record TubeState(long Id, string Barcode, DateTime? ReceivedAtUtc, TubeOutcome? Outcome);

    private static (string Field, string Message, string Code)? Check(Tube tube, TubeOutcome outcome) =>
        Check(new TubeState(tube.Id, tube.Barcode, tube.ReceivedAtUtc, tube.Outcome), outcome);

    private static (string Field, string Message, string Code)? Check(TubeState tube, TubeOutcome outcome)
    {
        if (tube.ReceivedAtUtc is null) return ("barcode", Messages.Get("Testing.NotReceived", tube.Barcode), "NotReceived");
        if (tube.Outcome is { } existing && existing != outcome)
            return ("result", Messages.Get("Testing.ResultFinal", tube.Barcode, Messages.Get(OutcomeWords.Key(existing))), "ResultFinal");
        return null;
    }

    private async Task<int> SetAsync(FangkongDb db, List<long> tubeIds, TubeOutcome outcome, long userId, CancellationToken ct)
    {
        if (tubeIds.Count == 0) return 0;
        var now = clock.UtcNow;
        return await db.Tubes.Where(t => EF.Parameter(tubeIds).Contains(t.Id) && t.Outcome == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Outcome, outcome).SetProperty(t => t.ResultAtUtc, now).SetProperty(t => t.ResultByUserId, userId), ct);
    }

    public static TubeOutcome? ParseOutcome(string s) => s.Trim().ToUpperInvariant() switch
    {
        "阴性" or "NEGATIVE" or "NEG" or "N" or "-" => TubeOutcome.Negative,
        "阳性" or "POSITIVE" or "POS" or "P" or "+" => TubeOutcome.Positive,
        _ => null,
    };

    /// <summary>The results a lab's file may write, named by the refusal of an unknown one: the words the file holds, not translated.</summary>
    private const string ResultWords = "阴性/阳性/negative/positive";
}
