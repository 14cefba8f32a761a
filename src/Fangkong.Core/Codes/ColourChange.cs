using Fangkong.Core.Common;
using Fangkong.Domain.Codes;

namespace Fangkong.Core.Codes;

/// <summary>One change of a person's colour as a reader sees it: the stored explanation worded in their language.</summary>
public sealed record ColourChange(long Id, long PersonId, CodeColour From, CodeColour To, DateTime AtUtc, string Rule, string Explanation,
    string Evidence, string PolicyVersion)
{
    public static ColourChange Of(HealthCodeChange c) =>
        new(c.Id, c.PersonId, c.From, c.To, c.AtUtc, c.Rule, Messages.Get(c.Explanation), c.Evidence, c.PolicyVersion);
}
