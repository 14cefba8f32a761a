using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

public sealed record ScreenedMemberRequest(long? PersonId, bool? Present, string? AwayAt, DateOnly? AwaySince, string? ReturnedFrom, DateOnly? ReturnedOn, string? Needs);

public sealed record ScreeningRequest(ScreeningOutcome? Outcome, IReadOnlyList<ScreenedMemberRequest>? Members, string? Note);

/// <summary>
/// Door-to-door screening (敲门行动, "地毯式排查"): a grid worker records, per household visited, who was home, who is
/// away and where, who returned from where and when, and needs noticed (domain.md §8). A record that breaks a rule
/// names the field and nothing is written.
/// </summary>
public sealed class Screenings(TimeOrderedIds ids, CityClock clock, GridViews views)
{
    public const int MaxMembers = 30;

    public async Task<HouseholdDetail> RecordAsync(FangkongDb db, CommunityScope scope, long householdId, ScreeningRequest body, CancellationToken ct)
    {
        scope.EnsureMayWrite();
        var household = await scope.HouseholdAsync(db, householdId, "householdId", ct);
        var outcome = body.Outcome ?? throw new InputException("outcome", Messages.Get("Community.Screening.OutcomeRequired"));
        var given = body.Members ?? [];
        if (given.Count > MaxMembers) throw new InputException("members", Messages.Get("Community.Screening.TooMany", MaxMembers));
        var members = new List<ScreenedMember>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var m = given[i] ?? throw new InputException($"members[{i}]", Messages.Get("Community.Screening.EmptyMember"));
            var person = m.PersonId ?? throw new InputException($"members[{i}].personId", Messages.Get("Community.Screening.PersonRequired"));
            var present = m.Present ?? throw new InputException($"members[{i}].present", Messages.Get("Community.Screening.PresentRequired"));
            if (m.AwaySince is { } a) PlausibleDates.Check(a, $"members[{i}].awaySince");
            if (m.ReturnedOn is { } r) PlausibleDates.Check(r, $"members[{i}].returnedOn");
            members.Add(new ScreenedMember(person, present, Trim(m.AwayAt), m.AwaySince, Trim(m.ReturnedFrom), m.ReturnedOn, Trim(m.Needs)));
        }
        var note = Trim(body.Note);
        if (note is { Length: > ScreeningRules.MaxNote }) throw new InputException("note", Messages.Get("Community.Screening.TooLong", ScreeningRules.MaxNote));
        var registered = (await db.Persons.Where(p => p.HouseholdId == householdId).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        if (ScreeningRules.Check(outcome, members, registered, clock.Today) is { } issue)
            throw new InputException(issue.Field, Messages.Get(issue.Why));

        var screening = new Screening
        {
            Id = ids.Next(),
            HouseholdId = householdId,
            GridId = household.GridId,
            CommunityId = household.CommunityId,
            VisitedAtUtc = clock.UtcNow,
            ByUserId = scope.UserId,
            ByName = scope.DisplayName,
            Outcome = outcome,
            Note = note,
        };
        db.Screenings.Add(screening);
        db.ScreeningMembers.AddRange(members.Select(m => new ScreeningMember
        {
            ScreeningId = screening.Id,
            PersonId = m.PersonId,
            Present = m.Present,
            AwayAt = m.AwayAt,
            AwaySince = m.AwaySince,
            ReturnedFrom = m.ReturnedFrom,
            ReturnedOn = m.ReturnedOn,
            Needs = m.Needs,
        }));
        await db.SaveChangesAsync(ct);
        return await views.HouseholdAsync(db, scope, householdId, ct);
    }

    internal static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
