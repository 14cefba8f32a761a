using Fangkong.Domain.Codes;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Tests.Codes;

public sealed class ContactCodeRuleTests
{
    private static readonly CodePolicy Policy = new();
    private static readonly DateTime T = new(2022, 3, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_close_contact_is_red_and_a_secondary_contact_yellow_each_explained()
    {
        var close = CodeRules.Evaluate([new ContactFact(T, "contact:1", true, "case:9")], Policy);
        Assert.Equal((CodeColour.Red, CodeRules.ContactRule), (close.Colour, close.Rule));
        Assert.Equal(["contact:1"], close.Evidence);
        Assert.Equal(new Message("Codes.Why.CloseContact", "case:9"), close.Explanation);
        var secondary = CodeRules.Evaluate([new ContactFact(T, "contact:2", false, "case:9")], Policy);
        Assert.Equal(CodeColour.Yellow, secondary.Colour);
    }

    [Fact]
    public void Close_outranks_secondary_a_case_outranks_both_and_a_negative_test_does_not_clear_a_contact()
    {
        var both = CodeRules.Evaluate([new ContactFact(T, "contact:2", false, "case:8"), new ContactFact(T.AddDays(1), "contact:1", true, "case:9")], Policy);
        Assert.Equal(("contact:1", CodeColour.Red), (both.Evidence[0], both.Colour));
        var asCase = CodeRules.Evaluate([new ContactFact(T, "contact:1", true, "case:9"), new CaseFact(T.AddDays(2), "case:10", ByPoolResampling: false)], Policy);
        Assert.Equal(CodeRules.CaseRule, asCase.Rule);
        var tested = CodeRules.Evaluate([new ContactFact(T, "contact:1", true, "case:9"), new TestResultFact(T.AddDays(1), "test:1", false)], Policy);
        Assert.Equal(CodeColour.Red, tested.Colour);
    }
}
