using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Command;

public sealed class DashboardTestsSqlite() : DashboardTests(StorageProvider.Sqlite);
public sealed class DashboardTestsPostgres() : DashboardTests(StorageProvider.Postgres);

/// <summary>Every number on the dashboard is the count of the line list it clicks through to; the charts draw the same counts.</summary>
public abstract class DashboardTests(StorageProvider provider)
{
    [Fact]
    public async Task Every_figure_equals_the_count_of_its_line_list_and_the_charts_draw_the_same_counts()
    {
        await using var host = await CityHost.StartAsync(provider);
        host.Time.Advance(TimeSpan.FromHours(14)); // 22:00 in the city: most of "today" has happened
        await DashboardSeed.WriteAsync(host, 200, 20261120);
        var epi = await host.LoginAsync("epi");

        var snapshot = await epi.GetFromJsonAsync<JsonElement>("/api/dashboard?fresh=true");
        var figures = snapshot.GetProperty("figures").EnumerateArray().ToList();
        var checkedLists = await DashboardChecks.FiguresMatchListsAsync(epi, figures);
        Assert.True(checkedLists >= 25, $"only {checkedLists} figures had a list");
        // Contacts count persons: a person close to several cases is one, so some figures are below their designations.
        Assert.True(await DashboardChecks.ContactFiguresBelowDesignationsAsync(epi, figures) >= 2);

        // Some figures against the store itself, so a list filter and a figure cannot be wrong together.
        await using (var db = host.Db())
        {
            var today = new DateOnly(2026, 11, 20);
            Assert.Equal(await db.Cases.CountAsync(c => c.ConfirmedOn == today), DashboardChecks.Value(figures, "cases.newConfirmed"));
            Assert.Equal(await db.Cases.CountAsync(c => c.ConfirmedOn != null), DashboardChecks.Value(figures, "cases.cumulativeConfirmed"));
            Assert.Equal(await db.Cases.CountAsync(c => c.Class == CaseClass.Asymptomatic || c.ConfirmedOn > c.ReportedOn), DashboardChecks.Value(figures, "cases.cumulativeAsymptomatic"));
            Assert.Equal(await db.QuarantineStays.CountAsync(s => s.State == QuarantineState.InQuarantine && s.SiteId != null), DashboardChecks.Value(figures, "isolation.centralized"));
            Assert.True(DashboardChecks.Value(figures, "cases.newConfirmed") > 0 && DashboardChecks.Value(figures, "contacts.close.underObservation") > 0);
            var observed = db.ContactProposals.Where(c => c.Grade == ContactGrade.Close && c.Status == ProposalStatus.Confirmed && c.ReleasedAtUtc == null);
            Assert.Equal(await observed.Select(c => c.PersonId).Distinct().CountAsync(), DashboardChecks.Value(figures, "contacts.close.underObservation"));
            Assert.True(await observed.CountAsync() > DashboardChecks.Value(figures, "contacts.close.underObservation"));
        }

        // The report-date curve's bars add up to the infections reported in its 30 days (all of them here).
        var svg = XDocument.Parse(await epi.GetStringAsync("/api/dashboard/charts/curve-report.svg"));
        var drawn = svg.Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("data-value") is not null).Sum(e => (int)e.Attribute("data-value")!);
        await using (var db = host.Db()) Assert.Equal(await db.Cases.CountAsync(c => c.Class != CaseClass.Suspected), drawn);
        Assert.DoesNotContain("<a ", svg.ToString(), StringComparison.Ordinal); // the downloaded image carries no links
    }

    [Fact]
    public async Task The_testing_panel_shows_the_mass_testing_round_not_the_standing_quarantine_round()
    {
        await using var host = await CityHost.StartAsync(provider);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using (var db = host.Db())
        {
            // The quarantine tests' round is always open and the newest here; the city's round opened a day earlier.
            db.TestingRounds.AddRange(Round(831_000_001, RoundScope.City, now.AddDays(-1)), Round(831_000_002, RoundScope.Quarantine, now.AddHours(-1)));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        var snapshot = await epi.GetFromJsonAsync<JsonElement>("/api/dashboard?fresh=true");
        Assert.Equal(831_000_001, snapshot.GetProperty("round").GetProperty("id").GetInt64());
    }

    private static TestingRound Round(long id, RoundScope scope, DateTime opened) => new()
    {
        Id = id,
        Name = $"第{id % 10}轮",
        Scope = scope,
        AreaIds = "",
        StartUtc = opened,
        DeadlineUtc = opened.AddDays(2),
        PoolSize = 10,
        WaveMinutes = 20,
        Status = RoundStatus.Open,
        PlannedFinishUtc = opened.AddDays(1),
        CreatedAtUtc = opened,
        OpenedAtUtc = opened,
    };

    [Fact]
    public async Task The_command_center_sees_figures_but_not_lists_and_bad_requests_are_refused_by_field()
    {
        await using var host = await CityHost.StartAsync(provider);
        var command = await host.LoginAsync("command");
        var r = await command.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await command.GetAsync("/api/lists/cases")).StatusCode);

        await DashboardChecks.ProblemAsync(command, "/api/dashboard?level=Country&area=1", "level");
        await DashboardChecks.ProblemAsync(command, "/api/dashboard?level=City", "area");
        await DashboardChecks.ProblemAsync(command, "/api/dashboard?level=City&area=999900", "area");
        var chart = await command.GetAsync("/api/dashboard/charts/pie.svg");
        Assert.Equal(HttpStatusCode.NotFound, chart.StatusCode);
        Assert.Equal("image/svg+xml", (await command.GetAsync("/api/dashboard/charts/trend.svg")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/dashboard")).StatusCode);
    }
}
