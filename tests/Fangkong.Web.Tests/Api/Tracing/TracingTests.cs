using System.IO.Compression;
using System.Net;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class TracingTestsSqlite() : TracingTests(StorageProvider.Sqlite);
public sealed class TracingTestsPostgres() : TracingTests(StorageProvider.Postgres);

/// <summary>Trajectories, venue logs, exports, their audit, and inferred exits.</summary>
public abstract class TracingTests(StorageProvider provider)
{
    private static string Window(ApiHost host) =>
        $"from={Uri.EscapeDataString(host.Time.GetUtcNow().AddHours(-2).ToString("O"))}&to={Uri.EscapeDataString(host.Time.GetUtcNow().AddHours(2).ToString("O"))}";

    [Fact]
    public async Task A_trajectory_needs_a_purpose_and_every_read_is_audited()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        host.Time.Advance(TimeSpan.FromMinutes(25));
        await gate.CheckOutAsync(host.Scenario.Alice.DocumentNumber);

        var epi = await host.LoginAsync("epi");
        var url = $"/api/tracing/persons/{host.Scenario.Alice.Id}/trajectory?{Window(host)}";
        var noPurpose = await epi.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.Equal(["purpose"], (await noPurpose.JsonAsync()).ProblemFields());

        var page = await (await epi.GetAsync(url + "&purpose=" + Uri.EscapeDataString("病例2026-118流调"))).JsonAsync();
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        var row = page.GetProperty("items")[0];
        Assert.Equal("辽源市政务服务中心", row.GetProperty("venueName").GetString());

        var csv = await epi.GetAsync($"/api/tracing/persons/{host.Scenario.Alice.Id}/trajectory.csv?{Window(host)}&purpose=case-118");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("辽源市政务服务中心", text);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await epi.GetAsync($"/api/tracing/persons/{host.Scenario.Alice.Id}/trajectory.xlsx?{Window(host)}&purpose=case-118");
        using (var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheet = System.Xml.Linq.XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            System.Xml.Linq.XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            var cells = sheet.Descendants(x + "row").ElementAt(1).Elements(x + "c").ToList();
            // The venue id and the district code are text cells (an 18-digit id as a number is rounded); the temperature is a number.
            Assert.Equal(("inlineStr", Scenario.HallId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ((string?)cells[0].Attribute("t"), cells[0].Value));
            Assert.Equal("辽源市政务服务中心", cells[1].Value);
            Assert.Equal(("inlineStr", "220402"), ((string?)cells[3].Attribute("t"), cells[3].Value));
            Assert.Equal((null, "36.5"), ((string?)cells[8].Attribute("t"), cells[8].Value));
        }

        await using var db = host.Db();
        var audit = await db.TraceAccesses.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["trajectory", "trajectory-export", "trajectory-export"], audit.Select(a => a.Kind));
        Assert.All(audit, a => Assert.Equal("epi", a.UserName));
        Assert.All(audit, a => Assert.Equal(host.Scenario.Alice.Id, a.PersonId));
        Assert.Equal("病例2026-118流调", audit[0].Purpose);
    }

    [Fact]
    public async Task A_venue_log_lists_who_was_inside_masked_unless_revealed()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        await gate.CheckInAsync(host.Scenario.Carol.DocumentNumber, 36.5m);
        var epi = await host.LoginAsync("epi");
        var log = await (await epi.GetAsync($"/api/tracing/venues/{Scenario.HallId}/log?{Window(host)}&purpose=case-118")).JsonAsync();
        Assert.Equal(2, log.GetProperty("total").GetInt64());
        var names = log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["张*明", "欧**娜"], names);
        Assert.Equal("220402********" + host.Scenario.Alice.DocumentNumber[^4..], log.GetProperty("items")[0].GetProperty("documentNumber").GetString());

        var searched = await (await epi.GetAsync($"/api/tracing/venues/{Scenario.HallId}/log?{Window(host)}&purpose=case-118&q=欧阳&reveal=true")).JsonAsync();
        Assert.Equal("欧阳娜娜", searched.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(1, searched.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Entries_left_open_are_closed_at_closing_time_and_flagged_inferred()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        await gate.CheckInAsync(host.Scenario.Alice.DocumentNumber, 36.5m);
        var closer = host.Services.GetRequiredService<VisitCloser>();
        await using (var db = host.Db()) Assert.Equal(0, await closer.CloseOverdueAsync(db, default));

        host.Time.Advance(TimeSpan.FromHours(8)); // 18:00 local, the hall closed at 17:00
        await using (var db = host.Db()) Assert.Equal(1, await closer.CloseOverdueAsync(db, default));
        await using (var db = host.Db())
        {
            var v = await db.Visits.SingleAsync();
            Assert.True(v.ExitInferred);
            Assert.Equal(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), v.ExitedAtUtc); // 17:00 UTC+8
        }
        var occupancy = await (await gate.GetAsync("/api/gate/occupancy")).JsonAsync();
        Assert.Equal(0, occupancy.GetProperty("inside").GetInt32());
    }
}
