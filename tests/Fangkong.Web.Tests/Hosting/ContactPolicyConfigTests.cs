using Fangkong.Core.Common;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Web.Tests.Hosting;

/// <summary>Close-contact thresholds come from configuration, with the labelled defaults where the operator says nothing.</summary>
public sealed class ContactPolicyConfigTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"{ContactPolicyConfig.Section}:{v.Key}", v.Value))).Build();

    [Fact]
    public void The_operator_can_tighten_a_type_and_make_a_market_close_contact_grade()
    {
        var t = ContactPolicyConfig.Read(Config(("ServiceHall", "30"), ("market", "60")));
        Assert.Equal(TimeSpan.FromMinutes(30), t.MinimumOverlap(VenueType.ServiceHall));
        Assert.Equal(TimeSpan.FromMinutes(60), t.MinimumOverlap(VenueType.Market));
        Assert.Equal(TimeSpan.Zero, t.MinimumOverlap(VenueType.Bus)); // untouched default
        Assert.Same(ContactThresholds.Default, ContactPolicyConfig.Read(Config()));
    }

    [Theory]
    [InlineData("Spaceship", "15", "unknown venue type")]
    [InlineData("Bus", "-1", "not a number of minutes")]
    [InlineData("Bus", "quarter", "not a number of minutes")]
    public void A_wrong_entry_stops_the_start_naming_it(string key, string value, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ContactPolicyConfig.Read(Config((key, value))));
        Assert.Contains(key, e.Message);
        Assert.Contains(message, e.Message);
    }
}
