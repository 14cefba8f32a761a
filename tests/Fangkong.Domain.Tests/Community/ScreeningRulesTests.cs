using Fangkong.Domain.Community;

namespace Fangkong.Domain.Tests.Community;

/// <summary>A door-to-door screening record says who is home and who is away, consistently, or is refused naming the field.</summary>
public sealed class ScreeningRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly HashSet<long> Household = [1, 2, 3];

    private static ScreenedMember Home(long id) => new(id, true, null, null, null, null, null);
    private static ScreenedMember Away(long id, string? where = "长春") => new(id, false, where, Today.AddDays(-3), null, null, null);

    private static string? Field(ScreeningOutcome outcome, params ScreenedMember[] members) => ScreeningRules.Check(outcome, members, Household, Today)?.Field;

    [Fact]
    public void Consistent_records_pass()
    {
        Assert.Null(Field(ScreeningOutcome.AllHome, Home(1), Home(2), Home(3)));
        Assert.Null(Field(ScreeningOutcome.SomeAway, Home(1), Away(2), Home(3) with { ReturnedFrom = "上海", ReturnedOn = Today.AddDays(-1) }));
        Assert.Null(Field(ScreeningOutcome.NobodyHome));
        Assert.Null(Field(ScreeningOutcome.NobodyHome, Away(1, "医院陪护")));
        Assert.Null(Field(ScreeningOutcome.Refused));
    }

    [Fact]
    public void The_outcome_must_agree_with_who_was_home()
    {
        Assert.Equal("outcome", Field(ScreeningOutcome.AllHome, Home(1), Away(2), Home(3)));
        Assert.Equal("outcome", Field(ScreeningOutcome.SomeAway, Home(1), Home(2), Home(3)));
        Assert.Equal("outcome", Field(ScreeningOutcome.SomeAway, Away(1), Away(2), Away(3)));
        Assert.Equal("outcome", Field(ScreeningOutcome.NobodyHome, Home(1)));
        Assert.Equal("members", Field(ScreeningOutcome.Refused, Home(1)));
        Assert.Equal("outcome", Field((ScreeningOutcome)99));
    }

    [Fact]
    public void Home_or_some_away_accounts_for_every_registered_member_once()
    {
        Assert.Equal("members", Field(ScreeningOutcome.AllHome, Home(1), Home(2)));
        Assert.Equal("members[1].personId", Field(ScreeningOutcome.AllHome, Home(1), Home(1), Home(3)));
        Assert.Equal("members[2].personId", Field(ScreeningOutcome.AllHome, Home(1), Home(2), Home(9)));
    }

    [Fact]
    public void An_absent_member_says_where_and_dates_are_not_in_the_future_or_too_old()
    {
        Assert.Equal("members[1].awayAt", Field(ScreeningOutcome.SomeAway, Home(1), Away(2, where: " "), Home(3)));
        Assert.Equal("members[0].awayAt", Field(ScreeningOutcome.SomeAway, Home(1) with { AwayAt = "北京" }, Away(2), Home(3)));
        Assert.Equal("members[1].awaySince", Field(ScreeningOutcome.SomeAway, Home(1), Away(2) with { AwaySince = Today.AddDays(1) }, Home(3)));
        Assert.Equal("members[0].returnedOn", Field(ScreeningOutcome.SomeAway, Home(1) with { ReturnedFrom = "上海", ReturnedOn = Today.AddDays(-400) }, Away(2), Home(3)));
        Assert.Equal("members[0].returnedFrom", Field(ScreeningOutcome.SomeAway, Home(1) with { ReturnedOn = Today }, Away(2), Home(3)));
        Assert.Equal("members[0].returnedOn", Field(ScreeningOutcome.SomeAway, Home(1) with { ReturnedFrom = "上海" }, Away(2), Home(3)));
        Assert.Equal("members[0].needs", Field(ScreeningOutcome.SomeAway, Home(1) with { Needs = new string('药', 201) }, Away(2), Home(3)));
        Assert.Equal("members[1].awayAt", Field(ScreeningOutcome.SomeAway, Home(1), Away(2, new string('京', 101)), Home(3)));
    }

    [Fact]
    public void The_messages_are_keys_in_the_community_catalogue()
    {
        var issue = ScreeningRules.Check(ScreeningOutcome.AllHome, [Home(1)], Household, Today)!;
        Assert.Equal("Community.Screening.EveryMember", issue.Why.Key);
        Assert.Equal(["3"], issue.Why.Args);
    }
}
