using System.Text.RegularExpressions;
using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>
/// Turns a request into a ticket, whichever way it came — the hotline operator's page, a resident's phone, another
/// platform's API or its export file — by the same rules: the household it concerns and its area, the unit the address
/// names, the deadline by category and urgency, a medical emergency behind a sealed door raised to the district at once.
/// The same submission again (the same key, or the same platform ticket id) answers with the ticket it made.
/// </summary>
public sealed partial class TicketIntake(TimeOrderedIds ids, TimeProvider time)
{
    public const int MinText = 4, MaxText = 1000, MaxName = 40, MaxPlatform = 40;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex KeyPattern();

    /// <summary>A ticket from an operator, a resident or a platform's API: <paramref name="userId"/>'s idempotency key makes it once.</summary>
    public async Task<TicketView> FileAsync(FangkongDb db, long userId, RequestSource source, TicketDraft d, CancellationToken ct)
    {
        if (d.IdempotencyKey is null || !KeyPattern().IsMatch(d.IdempotencyKey))
            throw new InputException("idempotencyKey", Messages.Get("Requests.Key"));
        var ticket = await BuildAsync(db, userId, source, d, $"k:{userId}:{d.IdempotencyKey}", ct);
        return await TicketReads.ViewAsync(db, ticket, time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>
    /// The ticket for <paramref name="sourceKey"/>: the one made earlier (the same request must match it, else the key
    /// was reused for another request), or a new one, checked, routed and saved with its first events.
    /// </summary>
    internal async Task<Ticket> BuildAsync(FangkongDb db, long userId, RequestSource source, TicketDraft d, string sourceKey, CancellationToken ct)
    {
        var text = d.Text?.Trim() ?? "";
        var earlier = await db.Tickets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.SourceKey == sourceKey, ct);
        if (earlier is not null) return Same(earlier, d, text);

        var draft = await CheckAsync(db, source, d, text, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var ticket = New(userId, source, draft, sourceKey, now);
        db.Tickets.Add(ticket);
        AddFirstEvents(db, ticket, userId, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two retries at once: the other one's insert won the unique key; answer with its ticket.
            db.ChangeTracker.Clear();
            var raced = await db.Tickets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.SourceKey == sourceKey, ct);
            if (raced is null) throw;
            return Same(raced, d, text);
        }
        return ticket;
    }

    private static Ticket Same(Ticket earlier, TicketDraft d, string text)
    {
        if (earlier.Text != text || (d.Category is { } c && c != earlier.Category))
            throw new KeyReusedException("idempotencyKey", Messages.Get("Requests.KeyReused"));
        return earlier;
    }

    internal sealed record CheckedDraft(RequestCategory Category, RequestUrgency Urgency, MedicalEmergency Emergency, string Text, string? Phone, string? Name,
        long? PersonId, HouseholdPlace? Place, string? Platform);

    /// <summary>Every field checked (the first bad one named), the person and household found, the household's place read.</summary>
    internal static async Task<CheckedDraft> CheckAsync(FangkongDb db, RequestSource source, TicketDraft d, string text, CancellationToken ct)
    {
        if (d.Category is not { } category || !Enum.IsDefined(category)) throw new InputException("category", Messages.Get("Requests.Category"));
        var urgency = d.Urgency ?? RequestUrgency.Normal;
        if (!Enum.IsDefined(urgency)) throw new InputException("urgency", Messages.Get("Requests.Urgency"));
        var emergency = d.Emergency ?? MedicalEmergency.None;
        if (!Enum.IsDefined(emergency)) throw new InputException("emergency", Messages.Get("Requests.Emergency"));
        if (text.Length < MinText) throw new InputException("text", Messages.Get("Requests.TextRequired", MinText));
        if (text.Length > MaxText) throw new InputException("text", Messages.Get("Requests.TextTooLong", MaxText));
        ControlCharacters.Check(text, "text");
        var phone = string.IsNullOrWhiteSpace(d.CallerPhone) ? null : Phones.Normalise("callerPhone", d.CallerPhone);
        if (source == RequestSource.Hotline && phone is null) throw new InputException("callerPhone", Messages.Get("Requests.PhoneRequired"));
        var name = string.IsNullOrWhiteSpace(d.CallerName) ? null : d.CallerName.Trim();
        if (name is { Length: > MaxName }) throw new InputException("callerName", Messages.Get("Requests.NameTooLong", MaxName));
        ControlCharacters.Check(name, "callerName");
        var platform = string.IsNullOrWhiteSpace(d.Platform) ? null : d.Platform.Trim();
        if (source == RequestSource.Platform && platform is null) throw new InputException("platform", Messages.Get("Requests.PlatformRequired"));
        if (platform is { Length: > MaxPlatform }) throw new InputException("platform", Messages.Get("Requests.PlatformTooLong", MaxPlatform));
        ControlCharacters.Check(platform, "platform");

        long? householdId = d.HouseholdId;
        if (d.PersonId is { } personId)
        {
            // Through the area filter: a confined operator files only for their area's residents.
            var home = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.HouseholdId }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("personId", Messages.Get("Requests.NoSuchPerson"));
            householdId ??= home.HouseholdId;
        }
        HouseholdPlace? place = null;
        if (householdId is { } h)
            place = (await TicketAddress.OfAsync(db, [h], ct)).GetValueOrDefault(h) ?? throw new NotFoundException("householdId", Messages.Get("Requests.NoSuchHousehold"));
        return new CheckedDraft(category, urgency, emergency, text, phone, name, d.PersonId, place, platform);
    }

    internal Ticket New(long? userId, RequestSource source, CheckedDraft c, string? sourceKey, DateTime now)
    {
        var unit = TicketRules.Unit(c.Place is not null, c.Place is not null, c.Place is not null);
        var decision = TicketRules.Decide(c.Category, c.Urgency, c.Emergency, c.Place?.SealedIn == true, c.Place?.SpecialGroup == true, unit);
        return new Ticket
        {
            Id = ids.Next(),
            Source = source,
            Platform = c.Platform,
            SourceKey = sourceKey,
            FiledByUserId = userId,
            CallerPhone = c.Phone,
            CallerName = c.Name,
            PersonId = c.PersonId,
            HouseholdId = c.Place?.HouseholdId,
            DistrictCode = c.Place?.DistrictCode,
            StreetId = c.Place?.StreetId,
            CommunityId = c.Place?.CommunityId,
            Category = c.Category,
            Urgency = decision.Urgency,
            Emergency = c.Emergency,
            SealedIn = c.Place?.SealedIn == true,
            SpecialGroup = c.Place?.SpecialGroup == true,
            RaisedToDistrict = decision.RaisedToDistrict,
            NeedsTransport = decision.TransportSteps.Count > 0,
            Text = c.Text,
            StartUnit = decision.Unit,
            Unit = decision.Unit,
            ReceivedAtUtc = now,
            DueAtUtc = now + decision.Deadline,
            State = TicketState.Received,
            IsOpen = true,
            RaiseAtUtc = TicketRules.NextRaise(decision.Unit, decision.Unit, now, now + decision.Deadline),
        };
    }

    internal void AddFirstEvents(FangkongDb db, Ticket t, long? userId, DateTime now)
    {
        db.TicketEvents.Add(new TicketEvent { Id = ids.Next(), TicketId = t.Id, AtUtc = now, Kind = TicketEventKind.Received, UserId = userId, Unit = t.Unit });
        if (t.RaisedToDistrict)
            db.TicketEvents.Add(new TicketEvent { Id = ids.Next(), TicketId = t.Id, AtUtc = now, Kind = TicketEventKind.RaisedToDistrict, UserId = userId, Unit = TicketUnit.District });
    }
}
