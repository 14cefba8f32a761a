using Fangkong.Domain.Text;

namespace Fangkong.Domain.Community;

/// <summary>One member as a screening visit found them.</summary>
public sealed record ScreenedMember(long PersonId, bool Present, string? AwayAt, DateOnly? AwaySince, string? ReturnedFrom, DateOnly? ReturnedOn, string? Needs);

/// <summary>A field of a screening that breaks a rule, and why.</summary>
public sealed record ScreeningIssue(string Field, Message Why);

/// <summary>
/// What a door-to-door screening record must say to be worth keeping (domain.md §8: who lives there, who is away, who
/// has returned from where, special needs): the outcome agrees with who was present, an absent member says where, and
/// no date lies in the future.
/// </summary>
public static class ScreeningRules
{
    public const int MaxPlace = 100;
    public const int MaxNeeds = 200;
    public const int MaxNote = 500;
    /// <summary>How far back a return or an absence may be dated: older ones are no longer news for the screening.</summary>
    public const int MaxDaysBack = 366;

    /// <param name="registered">The persons registered at the household.</param>
    /// <param name="today">The city's date now.</param>
    public static ScreeningIssue? Check(ScreeningOutcome outcome, IReadOnlyList<ScreenedMember> members, IReadOnlySet<long> registered, DateOnly today)
    {
        if (!Enum.IsDefined(outcome)) return new("outcome", new Message("Community.Screening.BadOutcome"));
        var seen = new HashSet<long>();
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var at = $"members[{i}]";
            if (!registered.Contains(m.PersonId)) return new($"{at}.personId", new Message("Community.Screening.NotAMember", m.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (!seen.Add(m.PersonId)) return new($"{at}.personId", new Message("Community.Screening.Twice"));
            if (MemberIssue(m, at, today) is { } issue) return issue;
        }
        var present = members.Count(m => m.Present);
        var away = members.Count(m => !m.Present);
        return outcome switch
        {
            ScreeningOutcome.AllHome or ScreeningOutcome.SomeAway when seen.Count != registered.Count =>
                new("members", new Message("Community.Screening.EveryMember", registered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ScreeningOutcome.AllHome when away > 0 => new("outcome", new Message("Community.Screening.AllHomeButAway")),
            ScreeningOutcome.SomeAway when present == 0 || away == 0 => new("outcome", new Message("Community.Screening.SomeAwayNeedsBoth")),
            ScreeningOutcome.NobodyHome when present > 0 => new("outcome", new Message("Community.Screening.NobodyHomeButPresent")),
            ScreeningOutcome.Refused when members.Count > 0 => new("members", new Message("Community.Screening.RefusedHasMembers")),
            _ => null,
        };
    }

    private static ScreeningIssue? MemberIssue(ScreenedMember m, string at, DateOnly today)
    {
        if (m.Present && (!string.IsNullOrWhiteSpace(m.AwayAt) || m.AwaySince is not null))
            return new($"{at}.awayAt", new Message("Community.Screening.PresentButAway"));
        if (!m.Present && string.IsNullOrWhiteSpace(m.AwayAt))
            return new($"{at}.awayAt", new Message("Community.Screening.AwayWhere"));
        if (TooLong(m.AwayAt, MaxPlace)) return new($"{at}.awayAt", new Message("Community.Screening.TooLong", MaxPlace.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (TooLong(m.ReturnedFrom, MaxPlace)) return new($"{at}.returnedFrom", new Message("Community.Screening.TooLong", MaxPlace.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (TooLong(m.Needs, MaxNeeds)) return new($"{at}.needs", new Message("Community.Screening.TooLong", MaxNeeds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (DateIssue(m.AwaySince, $"{at}.awaySince", today) is { } since) return since;
        if (DateIssue(m.ReturnedOn, $"{at}.returnedOn", today) is { } on) return on;
        if (m.ReturnedOn is not null && string.IsNullOrWhiteSpace(m.ReturnedFrom))
            return new($"{at}.returnedFrom", new Message("Community.Screening.ReturnedFromWhere"));
        if (m.ReturnedOn is null && !string.IsNullOrWhiteSpace(m.ReturnedFrom))
            return new($"{at}.returnedOn", new Message("Community.Screening.ReturnedWhen"));
        return null;
    }

    private static ScreeningIssue? DateIssue(DateOnly? day, string field, DateOnly today) => day switch
    {
        { } d when d > today => new(field, new Message("Community.Screening.FutureDate")),
        { } d when d < today.AddDays(-MaxDaysBack) => new(field, new Message("Community.Screening.TooOld", MaxDaysBack.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        _ => null,
    };

    private static bool TooLong(string? s, int max) => s is not null && s.Trim().Length > max;
}
