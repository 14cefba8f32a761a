using Fangkong.Domain.Codes;
using Fangkong.Domain.Command;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Core.Common;

/// <summary>
/// The operator's policies from configuration (<c>Policy:Gate</c>, <c>Policy:Codes</c>, <c>Policy:Contacts</c>,
/// <c>Policy:Zones</c>, <c>Policy:Bulletin</c>), read
/// once here so the web host and the command line run under the same rules; absent sections keep the defaults.
/// </summary>
public sealed record Policies(GatePolicy Gate, CodePolicy Codes, ContactThresholds Contacts, ZonePolicy Zones, BulletinPolicy Bulletin)
{
    public static Policies Read(IConfiguration config) => new(
        config.GetSection("Policy:Gate").Get<GatePolicy>() ?? new GatePolicy(),
        config.GetSection("Policy:Codes").Get<CodePolicy>() ?? new CodePolicy(),
        ContactPolicyConfig.Read(config),
        config.GetSection("Policy:Zones").Get<ZonePolicy>() ?? new ZonePolicy(),
        new BulletinPolicy { PlaceOrder = config.GetSection("Policy:Bulletin:PlaceOrder").Get<string[]>() ?? [] });
}
