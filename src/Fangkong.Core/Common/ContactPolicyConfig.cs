using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Core.Common;

/// <summary>
/// Reads the operator's close-contact thresholds: <c>Policy:Contacts:MinimumOverlapMinutes:&lt;VenueType&gt;</c> = minutes
/// (0 = any overlap). A listed type becomes close-contact grade with that threshold; unlisted types keep the
/// platform's labelled defaults. A wrong type or value stops the start with a message naming it.
/// </summary>
public static class ContactPolicyConfig
{
    public const string Section = "Policy:Contacts:MinimumOverlapMinutes";

    public static ContactThresholds Read(IConfiguration config)
    {
        var overrides = new Dictionary<VenueType, TimeSpan>();
        foreach (var entry in config.GetSection(Section).GetChildren())
        {
            if (!Enum.TryParse<VenueType>(entry.Key, ignoreCase: true, out var type) || !Enum.IsDefined(type))
                throw new InvalidOperationException($"{Section}:{entry.Key}: unknown venue type (known: {string.Join(", ", VenueTypes.All)})");
            if (!int.TryParse(entry.Value, out var minutes) || minutes is < 0 or > 24 * 60)
                throw new InvalidOperationException($"{Section}:{entry.Key}: '{entry.Value}' is not a number of minutes from 0 to 1440");
            overrides[type] = TimeSpan.FromMinutes(minutes);
        }
        return overrides.Count == 0 ? ContactThresholds.Default : new ContactThresholds(overrides);
    }
}
