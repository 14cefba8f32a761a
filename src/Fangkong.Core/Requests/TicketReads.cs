using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>Turns stored tickets into views: the household's place, the unit's name, masked names and the history.</summary>
internal static class TicketReads
{
    public static async Task<TicketView> ViewAsync(FangkongDb db, Ticket t, DateTime now, CancellationToken ct)
    {
        var places = await TicketAddress.OfAsync(db, t.HouseholdId is { } h ? [h] : [], ct);
        var place = t.HouseholdId is { } hh ? places.GetValueOrDefault(hh) : null;
        var person = t.PersonId is { } p ? await db.Persons.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var history = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == t.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new TicketEventView(e.AtUtc, e.Kind, e.Unit, e.Note)).ToListAsync(ct);
        var district = place?.District ?? (t.DistrictCode is { } d ? await db.Districts.Where(x => x.Code == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null);
        return new TicketView(t.Id, t.Number, t.Source, t.Platform, t.Category, t.Urgency, t.Emergency, t.SealedIn, t.SpecialGroup, t.RaisedToDistrict, t.Text,
            t.CallerName is { } n ? Masking.Name(n) : null, t.CallerPhone is null ? null : Masking.Phone(t.CallerPhone), person is null ? null : Masking.Name(person), place, t.Unit,
            UnitName(t.Unit, place, district), t.State, t.ReceivedAtUtc, t.DueAtUtc, TicketRules.IsOverdue(t.State, t.DueAtUtc, now), t.AssignedTo, t.ResolvedAtUtc, t.Answer,
            t.Reopened, t.NeedsTransport ? TicketRules.ClosedLoop : [], t.TransportDone, history);
    }

    /// <summary>The office's name: the community's, the street's, the district's, or the city's hotline office.</summary>
    public static string UnitName(TicketUnit unit, HouseholdPlace? place, string? district) => unit switch
    {
        TicketUnit.Community when place is not null => place.Community,
        TicketUnit.Street when place is not null => place.Street,
        TicketUnit.District when district is not null => district,
        _ => Messages.Get("Requests.CityOffice"),
    };
}
