using Fangkong.Core;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Gate;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Hosting;

/// <summary>The web host and the command line start the core from configuration alike: Policy:* is what they resolve.</summary>
public sealed class PoliciesTests
{
    [Fact]
    public void The_core_started_from_configuration_resolves_the_configured_policies()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Policy:Gate:FeverCelsius"] = "37.8",
            ["Policy:Codes:Version"] = "city-2",
            [$"{ContactPolicyConfig.Section}:Market"] = "45",
        }).Build();
        using var services = new ServiceCollection().AddFangkongCore(new StorageOptions(), config).BuildServiceProvider();
        Assert.Equal(37.8m, services.GetRequiredService<GatePolicy>().FeverCelsius);
        Assert.Equal("city-2", services.GetRequiredService<CodePolicy>().Version);
        Assert.Equal(TimeSpan.FromMinutes(45), services.GetRequiredService<ContactThresholds>().MinimumOverlap(VenueType.Market));
    }

    [Fact]
    public void Without_a_policy_section_the_defaults_hold()
    {
        var p = Policies.Read(new ConfigurationBuilder().Build());
        Assert.Equal(new GatePolicy().FeverCelsius, p.Gate.FeverCelsius);
        Assert.Equal(new CodePolicy().Version, p.Codes.Version);
        Assert.Same(ContactThresholds.Default, p.Contacts);
    }
}
