using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Core.Common.TimelineText;

namespace Fangkong.Core.Testing;

/// <summary>
/// Testing's part of a case's timeline: the person's swabs since the exposure window began (round, tube, sampler), a
/// pool tube of theirs found positive, and every individual result with where it came from.
/// </summary>
public sealed class TestingTimelinePart(CityClock clock) : ICaseTimelinePart
{
    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(FangkongDb db, TimelineCase t, CancellationToken ct)
    {
        var samples = await (from s in db.Samples.AsNoTracking()
                             where s.PersonId == t.PersonId && s.AtUtc >= t.FromUtc
                             join tube in db.Tubes on s.TubeId equals tube.Id
                             join r in db.TestingRounds on s.RoundId equals r.Id
                             orderby s.AtUtc, s.Id
                             select new { s.AtUtc, s.RoundId, Round = r.Name, s.SamplerUserId, tube.Barcode, tube.Kind, tube.Count, tube.Outcome, tube.ResultAtUtc })
            .ToListAsync(ct);
        var results = await db.TestResults.AsNoTracking().Where(r => r.PersonId == t.PersonId && r.ResultAtUtc >= t.FromUtc)
            .OrderBy(r => r.ResultAtUtc).ThenBy(r => r.Id).ToListAsync(ct);
        var items = new List<TimelineItem>();
        foreach (var s in samples)
        {
            var round = $"/testing/rounds/{s.RoundId}";
            items.Add(new(s.AtUtc, "sampled", new Message("Testing.Timeline.Sampled", s.Round, LineLabels.Of(s.Kind, CultureInfo.CurrentUICulture), s.Barcode), round, s.SamplerUserId));
            // A positive pool has no result of the person's own: its members are re-sampled in single tubes.
            if (s.Outcome == TubeOutcome.Positive && s.Count > 1 && s.ResultAtUtc is { } at)
                items.Add(new(at, "pool-positive", new Message("Testing.Timeline.PoolPositive", s.Barcode), round));
        }
        items.AddRange(results.Select(r => new TimelineItem(r.ResultAtUtc, "result",
            new Message("Testing.Timeline.Result", Messages.Get(r.Outcome == TestOutcome.Positive ? "Testing.Outcome.Positive" : "Testing.Outcome.Negative"), Time(clock, r.SampledAtUtc), r.Source))));
        return items;
    }
}
