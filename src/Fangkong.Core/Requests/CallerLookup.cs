using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>A person the caller's number belongs to (masked), with their household's place and the household's open tickets.</summary>
public sealed record CallerMatch(long PersonId, string Name, HouseholdPlace? Household, int OpenTickets);

/// <summary>
/// The hotline operator's first step: the caller's mobile number finds the persons registered with it and their
/// households, so a ticket is filed against the right door in seconds. Names are masked; the operator's area (if any)
/// confines what the number finds (ADR 0028).
/// </summary>
public sealed class CallerLookup
{
    public const int MaxMatches = 10;

    public async Task<IReadOnlyList<CallerMatch>> FindAsync(FangkongDb db, string? phone, CancellationToken ct)
    {
        var number = Phones.Normalise("phone", phone);
        var persons = await db.Persons.AsNoTracking().Where(p => p.Phone == number).OrderBy(p => p.Id).Take(MaxMatches)
            .Select(p => new { p.Id, p.Name, p.HouseholdId }).ToListAsync(ct);
        var households = persons.Where(p => p.HouseholdId != null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var places = await TicketAddress.OfAsync(db, households, ct);
        var open = await db.Tickets.Where(t => t.IsOpen && t.HouseholdId != null && households.Contains(t.HouseholdId.Value))
            .GroupBy(t => t.HouseholdId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        return persons.Select(p => new CallerMatch(p.Id, Masking.Name(p.Name), p.HouseholdId is { } h ? places.GetValueOrDefault(h) : null,
            p.HouseholdId is { } hh ? open.GetValueOrDefault(hh) : 0)).ToList();
    }
}
