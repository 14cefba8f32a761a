using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Zones;

public sealed class ZoneMapTestsSqlite() : ZoneMapTests(StorageProvider.Sqlite);
public sealed class ZoneMapTestsPostgres() : ZoneMapTests(StorageProvider.Postgres);

/// <summary>The demo city lies where Liaoyuan does, and its map — drawn from our own data — shows the zones by level.</summary>
public abstract class ZoneMapTests(StorageProvider provider)
{
    [Fact]
    public async Task The_map_draws_every_district_and_a_sealed_compound_in_its_colour_for_the_command_center()
    {
        await using var host = await CityHost.StartAsync(provider);
        long compound;
        await using (var db = host.Db())
        {
            var compounds = await db.Compounds.ToListAsync();
            Assert.All(compounds, c => Assert.InRange(c.Latitude!.Value, 42.4, 43.3));
            Assert.All(compounds, c => Assert.InRange(c.Longitude!.Value, 124.6, 125.9));
            Assert.All(await db.Venues.Where(v => v.CompoundId != null).ToListAsync(), v => Assert.Equal(compounds.Single(c => c.Id == v.CompoundId).Latitude, v.Latitude));
            compound = compounds[0].Id;
        }
        var epi = await host.LoginAsync("epi");
        var drawn = await epi.PostAsJsonAsync("/api/zones", new { level = "Sealed", reason = "地图测试", members = new[] { new { kind = "Compound", id = compound } } });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);

        var command = await host.LoginAsync("command");
        var r = await command.GetAsync("/api/zones/map.svg");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("image/svg+xml", r.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await r.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(4, svg.Descendants(ns + "polygon").Count(p => p.Attribute("data-district") is not null));
        var sealedShape = Assert.Single(svg.Descendants(ns + "polygon"), p => (string?)p.Attribute("data-level") == "Sealed");
        Assert.Equal(compound.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)sealedShape.Attribute("data-compound"));
        Assert.Contains("封控区", svg.Descendants(ns + "text").Select(t => t.Value));

        // The map page frames one zone, in English when asked.
        var page = await epi.GetStringAsync("/zones/map?zone=1&culture=en");
        Assert.Contains("sealed zone", page);
    }
}
