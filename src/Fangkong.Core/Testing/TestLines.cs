using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>Filters of the testing line list; dates are city dates of the swab, both ends included.</summary>
public sealed record TestLineFilter
{
    public string? Q { get; init; }
    public long? RoundId { get; init; }
    /// <summary>A sampling site (or, in the standing quarantine round, a sampling point).</summary>
    public long? SiteId { get; init; }
    public SampleResult? Result { get; init; }
    public TubeKind? Kind { get; init; }
    /// <summary>True: scheduled tests of quarantined persons (the standing round); false: mass-testing rounds only.</summary>
    public bool? Quarantine { get; init; }
    /// <summary>True: swabs taken at home (door-to-door, home isolation visits); false: at a site.</summary>
    public bool? AtHome { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>One sample — a person swabbed into a tube — as the testing list shows it, unmasked as read; <see cref="Masked"/> before showing it.</summary>
public sealed record TestLine
{
    public long Id { get; init; }
    public long PersonId { get; init; }
    public string Name { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string? Phone { get; init; }
    public long RoundId { get; init; }
    /// <summary>The round's number people use ("R2026-0003").</summary>
    public string RoundNumber { get; init; } = "";
    public string? RoundName { get; init; }
    /// <summary>A scheduled test of a quarantined person, sampled in the standing quarantine round.</summary>
    public bool QuarantineTest { get; init; }
    public long SiteId { get; init; }
    public string? SiteName { get; init; }
    public bool AtHome { get; init; }
    public string TubeBarcode { get; init; } = "";
    public TubeKind TubeKind { get; init; }
    /// <summary>Swabs in the tube: more than one makes a positive tube a positive pool.</summary>
    public int Swabs { get; init; }
    public DateTime SampledAtUtc { get; init; }
    public DateTime? ReceivedAtUtc { get; init; }
    public SampleResult Result { get; init; }
    public DateTime? ResultAtUtc { get; init; }

    /// <summary>Hours from this swab to its tube's result, to one decimal.</summary>
    public double? TurnaroundHours => ResultAtUtc is { } r ? Math.Round((r - SampledAtUtc).TotalHours, 1) : null;

    public TestLine Masked() => this with { Name = Masking.Name(Name), DocumentNumber = Masking.DocumentNumber(DocumentNumber), Phone = Masking.Phone(Phone) };
}

public static class TestLines
{
    public static IQueryable<TestLine> Query(FangkongDb db, TestLineFilter f, CityClock clock)
    {
        LineFilters.CheckDates(f.From, f.To);
        LineFilters.Defined(f.Result, "result");
        LineFilters.Defined(f.Kind, "kind");
        if (f.RoundId is <= 0) throw new InputException("roundId", Messages.Get("Documents.Filter.RoundId"));
        if (f.SiteId is <= 0) throw new InputException("siteId", Messages.Get("Documents.Filter.SamplingSiteId"));
        var samples = db.Samples.AsQueryable();
        if (f.RoundId is { } round) samples = samples.Where(s => s.RoundId == round);
        if (f.AtHome is { } home) samples = samples.Where(s => s.AtHome == home);
        if (f.Quarantine is { } quarantine)
        {
            // The rounds table is small: the standing rounds' ids are read by the store once per query.
            var standing = db.TestingRounds.Where(r => r.Scope == RoundScope.Quarantine).Select(r => r.Id);
            samples = quarantine ? samples.Where(s => standing.Contains(s.RoundId)) : samples.Where(s => !standing.Contains(s.RoundId));
        }
        if (f.From is { } from) { var t = clock.StartOfDayUtc(from); samples = samples.Where(s => s.AtUtc >= t); }
        if (f.To is { } to) { var t = clock.StartOfDayUtc(to.AddDays(1)); samples = samples.Where(s => s.AtUtc < t); }
        // The tube's own conditions (site, kind, result) as "tube in the matching tubes": SQLite then reads the matching
        // tubes first and their samples by the TubeId index, where a join filtered row by row would walk every sample
        // newest first looking for the few of a rare result (23 positives of 200,000 samples: 220 ms against 10 ms).
        var tubes = db.Tubes.AsQueryable();
        if (f.SiteId is { } site) tubes = tubes.Where(t => t.SiteId == site);
        if (f.Kind is { } kind) tubes = tubes.Where(t => t.Kind == kind);
        tubes = f.Result switch
        {
            SampleResult.Pending => tubes.Where(t => t.Outcome == null),
            SampleResult.Negative => tubes.Where(t => t.Outcome == TubeOutcome.Negative),
            SampleResult.PoolPositive => tubes.Where(t => t.Outcome == TubeOutcome.Positive && t.Count > 1),
            SampleResult.Positive => tubes.Where(t => t.Outcome == TubeOutcome.Positive && t.Count == 1),
            _ => tubes,
        };
        if (f.SiteId is not null || f.Kind is not null || f.Result is not null) samples = samples.Where(s => tubes.Select(t => t.Id).Contains(s.TubeId));
        // Outer joins to the tube and the person: every sample has both (neither is ever deleted), so the rows are an
        // inner join's, but both stores drop the joins from the capped count, which needs neither. A search rejects a
        // missing person, which turns that join back into an inner one led by the person index.
        var rows = samples.LeftJoin(db.Tubes, s => s.TubeId, t => t.Id, (s, t) => new { s, t });
        var withPerson = rows.LeftJoin(PersonSearch.Apply(db.Persons, f.Q), x => x.s.PersonId, p => p.Id, (x, p) => new { x.s, x.t, p });
        if (!string.IsNullOrWhiteSpace(f.Q)) withPerson = withPerson.Where(x => x.p != null);
        return withPerson.Select(x => new TestLine
        {
            Id = x.s.Id,
            PersonId = x.s.PersonId,
            Name = x.p!.Name,
            DocumentNumber = x.p!.DocumentNumber,
            Phone = x.p!.Phone,
            RoundId = x.s.RoundId,
            RoundNumber = db.TestingRounds.Where(r => r.Id == x.s.RoundId).Select(r => r.Number).FirstOrDefault() ?? "",
            RoundName = db.TestingRounds.Where(r => r.Id == x.s.RoundId).Select(r => r.Name).FirstOrDefault(),
            QuarantineTest = db.TestingRounds.Any(r => r.Id == x.s.RoundId && r.Scope == RoundScope.Quarantine),
            SiteId = x.t!.SiteId,
            SiteName = db.SamplingSites.Where(p => p.Id == x.t!.SiteId).Select(p => p.Name).FirstOrDefault(),
            AtHome = x.s.AtHome,
            TubeBarcode = x.t!.Barcode,
            TubeKind = x.t!.Kind,
            Swabs = x.t!.Count,
            SampledAtUtc = x.s.AtUtc,
            ReceivedAtUtc = x.t!.ReceivedAtUtc,
            Result = x.t!.Outcome == null ? SampleResult.Pending
                : x.t.Outcome == TubeOutcome.Negative ? SampleResult.Negative
                : x.t.Count > 1 ? SampleResult.PoolPositive : SampleResult.Positive,
            ResultAtUtc = x.t!.ResultAtUtc,
        });
    }

    /// <summary>The exported columns, in the order of <see cref="Cells"/>; ids and codes are identifiers (text cells), counts are quantities.</summary>
    private static readonly LineColumn[] Columns =
    [
        LineColumn.Identifier("Documents.Column.Sample"),
        LineColumn.Text("Documents.Column.Name"),
        LineColumn.Identifier("Documents.Column.IdNumber"),
        LineColumn.Identifier("Documents.Column.Phone"),
        LineColumn.Identifier("Documents.Column.Round"),
        LineColumn.Text("Documents.Column.RoundName"),
        LineColumn.Text("Documents.Column.QuarantineTest"),
        LineColumn.Text("Documents.Column.SamplingSite"),
        LineColumn.Text("Documents.Column.AtHome"),
        LineColumn.Identifier("Documents.Column.Tube"),
        LineColumn.Text("Documents.Column.TubeKind"),
        LineColumn.Quantity("Documents.Column.Swabs"),
        LineColumn.Text("Documents.Column.Sampled"),
        LineColumn.Text("Documents.Column.ReceivedAtLab"),
        LineColumn.Text("Documents.Column.Result"),
        LineColumn.Text("Documents.Column.Resulted"),
        LineColumn.Quantity("Documents.Column.Turnaround"),
    ];

    public static IReadOnlyList<TableColumn> Header(CultureInfo culture) => LineColumn.In(Columns, culture);

    public static IReadOnlyList<object?> Cells(TestLine r, CultureInfo culture, CityClock clock) =>
    [
        r.Id, r.Name, r.DocumentNumber, r.Phone, r.RoundNumber, r.RoundName, LineLabels.Of(r.QuarantineTest, culture), r.SiteName, LineLabels.Of(r.AtHome, culture), r.TubeBarcode,
        LineLabels.Of(r.TubeKind, culture), r.Swabs, clock.ToLocal(r.SampledAtUtc), r.ReceivedAtUtc is { } x ? clock.ToLocal(x) : null,
        LineLabels.Of(r.Result, culture), r.ResultAtUtc is { } d ? clock.ToLocal(d) : null, r.TurnaroundHours,
    ];
}
