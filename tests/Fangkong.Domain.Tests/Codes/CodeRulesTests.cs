using Fangkong.Domain.Codes;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Tests.Codes;

public class CodeRulesTests
{
    private static readonly CodePolicy Policy = new();
    private static readonly DateTime T = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void No_facts_is_green()
    {
        var d = CodeRules.Evaluate([], Policy);
        Assert.Equal(CodeColour.Green, d.Colour);
        Assert.Equal(CodeRules.DefaultRule, d.Rule);
    }

    [Fact]
    public void A_fever_at_a_gate_is_yellow_with_the_gate_event_as_evidence()
    {
        var d = CodeRules.Evaluate([new FeverAtGate(T, "gate-event:7", 38.1m, "辽源市政务服务中心")], Policy);
        Assert.Equal(CodeColour.Yellow, d.Colour);
        Assert.Equal(CodeRules.FeverRule, d.Rule);
        Assert.Equal(["gate-event:7"], d.Evidence);
        Assert.Equal(new Message("Codes.Why.Fever", "辽源市政务服务中心", "38.1"), d.Explanation);
        Assert.Equal(Policy.Version, d.PolicyVersion);
    }

    [Fact]
    public void A_negative_test_sampled_after_the_fever_clears_it_but_one_before_does_not()
    {
        HealthFact fever = new FeverAtGate(T, "gate-event:7", 38.1m, "x");
        Assert.Equal(CodeColour.Green, CodeRules.Evaluate([fever, new TestResultFact(T.AddHours(3), "test:1", false)], Policy).Colour);
        Assert.Equal(CodeColour.Yellow, CodeRules.Evaluate([fever, new TestResultFact(T.AddHours(-3), "test:1", false)], Policy).Colour);
        Assert.Equal(CodeColour.Yellow, CodeRules.Evaluate([fever, new TestResultFact(T.AddHours(3), "test:1", true)], Policy).Colour);
    }

    [Fact]
    public void An_approved_manual_colour_wins_and_names_both_officers()
    {
        var d = CodeRules.Evaluate([new FeverAtGate(T, "gate-event:7", 38.1m, "x"), new ManualColour(T.AddHours(-1), "manual:3", CodeColour.Red, "病例密接", "epi", "admin2")], Policy);
        Assert.Equal(CodeColour.Red, d.Colour);
        Assert.Equal(CodeRules.ManualRule, d.Rule);
        Assert.Equal(new Message("Codes.Why.Manual", "病例密接", "epi", "admin2"), d.Explanation);
    }
}
