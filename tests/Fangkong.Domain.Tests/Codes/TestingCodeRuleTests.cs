using Fangkong.Domain.Codes;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Tests.Codes;

/// <summary>Colour rules added by mass testing: cases, positive pools, missed rounds (domain.md §3).</summary>
public class TestingCodeRuleTests
{
    private static readonly CodePolicy Policy = new();
    private static readonly DateTime T0 = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private static CodeDecision Eval(params HealthFact[] facts) => CodeRules.Evaluate(facts, Policy);

    [Fact]
    public void A_positive_pool_member_is_controlled_until_a_negative_sampled_after_the_pool()
    {
        var pool = new PositivePoolFact(T0, "tube:T1", CodeColour.Yellow, "第1轮");
        Assert.Equal((CodeColour.Yellow, CodeRules.PositivePoolRule), (Eval(pool).Colour, Eval(pool).Rule));
        // A negative sampled BEFORE the pool proves nothing about it.
        Assert.Equal(CodeRules.PositivePoolRule, Eval(pool, new TestResultFact(T0.AddHours(-5), "test:1", false)).Rule);
        Assert.Equal(CodeRules.DefaultRule, Eval(pool, new TestResultFact(T0.AddHours(5), "test:2", false)).Rule);
    }

    [Fact]
    public void The_round_policy_may_make_positive_pools_red() =>
        Assert.Equal(CodeColour.Red, Eval(new PositivePoolFact(T0, "tube:T1", CodeColour.Red, "第1轮")).Colour);

    [Fact]
    public void A_case_is_red_and_outranks_pools_fevers_and_missed_rounds()
    {
        var d = Eval(new CaseFact(T0, "case:1", ByPoolResampling: false), new PositivePoolFact(T0, "tube:T1", CodeColour.Yellow, "r"),
            new MissedRoundFact(T0, "round:1", "r"), new FeverAtGate(T0, "gate-event:1", 38.1m, "大厅"));
        Assert.Equal((CodeColour.Red, CodeRules.CaseRule), (d.Colour, d.Rule));
        Assert.Equal(["case:1"], d.Evidence);
        Assert.Equal(new Message("Codes.Why.CaseSingleTube"), d.Explanation);
        Assert.Equal(new Message("Codes.Why.CasePoolResampling"), Eval(new CaseFact(T0, "case:1", ByPoolResampling: true)).Explanation);
    }

    [Fact]
    public void Missing_a_round_is_yellow_and_one_sampling_after_it_clears_even_before_the_result()
    {
        var missed = new MissedRoundFact(T0, "round:1", "第1轮");
        Assert.Equal((CodeColour.Yellow, CodeRules.MissedRoundRule), (Eval(missed).Colour, Eval(missed).Rule));
        Assert.Equal(CodeRules.MissedRoundRule, Eval(missed, new SampledFact(T0.AddHours(-1), "sample:1")).Rule);
        Assert.Equal(CodeColour.Green, Eval(missed, new SampledFact(T0.AddHours(1), "sample:2")).Colour);
    }

    [Fact]
    public void A_negative_result_clears_a_fever_but_a_positive_one_does_not()
    {
        var fever = new FeverAtGate(T0, "gate-event:9", 37.8m, "市场");
        Assert.Equal(CodeColour.Green, Eval(fever, new TestResultFact(T0.AddHours(2), "test:1", false)).Colour);
        Assert.Equal(CodeColour.Yellow, Eval(fever, new TestResultFact(T0.AddHours(2), "test:1", true)).Colour);
    }

    [Fact]
    public void An_approved_manual_colour_still_decides_first() =>
        Assert.Equal(CodeRules.ManualRule, Eval(new CaseFact(T0, "case:1", ByPoolResampling: true), new ManualColour(T0, "manual:1", CodeColour.Green, "误报", "a", "b")).Rule);
}
