using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

public sealed record ProblemView(long Id, long CommunityId, long? GridId, string? GridName, long? HouseholdId, string? Address, ProblemCategory Category,
    string Text, string RaisedByName, DateTime RaisedAtUtc, bool Unread, ProblemState State, string? Answer, string? AnsweredByName, DateTime? AnsweredAtUtc);

internal static class ProblemViews
{
    /// <summary>The problems a query selects, with their grid's name and household's door, in two more queries.</summary>
    public static async Task<IReadOnlyList<ProblemView>> OfAsync(FangkongDb db, IQueryable<CommunityProblem> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var gridIds = rows.Where(r => r.GridId != null).Select(r => r.GridId!.Value).Distinct().ToList();
        var grids = await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var households = rows.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId!.Value).Distinct().ToList();
        var addresses = await People.PersonDirectory.AddressesAsync(db, households, ct);
        return rows.Select(r => new ProblemView(r.Id, r.CommunityId, r.GridId, r.GridId is { } g ? grids.GetValueOrDefault(g) : null, r.HouseholdId,
            r.HouseholdId is { } h ? addresses.GetValueOrDefault(h) : null, r.Category, r.Text, r.RaisedByName, r.RaisedAtUtc, r.ReadAtUtc is null,
            r.State, r.Answer, r.AnsweredByName, r.AnsweredAtUtc)).ToList();
    }
}
