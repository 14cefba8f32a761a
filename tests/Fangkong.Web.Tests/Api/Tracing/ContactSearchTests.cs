using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class ContactSearchTestsSqlite() : ContactSearchTests(StorageProvider.Sqlite);
public sealed class ContactSearchTestsPostgres() : ContactSearchTests(StorageProvider.Postgres);

/// <summary>A case's close contacts proposed from its household and its visits, with evidence, then confirmed or dismissed.</summary>
public abstract class ContactSearchTests(StorageProvider provider)
{
    // CityHost's clock: 2026-11-20 00:00 UTC (08:00 in the city). Onset 19 November → edition 9 window from 15 November, 00:00 local.
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Close_contacts_are_proposed_with_evidence_then_confirmed_or_dismissed()
    {
        await using var host = await CityHost.StartAsync(provider);
        long caseId, sick, hall, bus, market;
        List<long> householdMates, others;
        await using (var db = host.Db())
        {
            var household = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId).Where(g => g.Count() >= 2)
                .Select(g => g.Key).FirstAsync();
            var members = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            sick = members[0];
            householdMates = members.Skip(1).ToList();
            others = await db.Persons.Where(p => p.HouseholdId != household).OrderBy(p => p.Id).Select(p => p.Id).Take(7).ToListAsync();
            hall = await db.Venues.Where(v => v.Type == VenueType.ServiceHall).Select(v => v.Id).FirstAsync();
            bus = await db.Venues.Where(v => v.Type == VenueType.Bus).Select(v => v.Id).FirstAsync();
            market = await db.Venues.Where(v => v.Type == VenueType.Market).Select(v => v.Id).FirstAsync();
            var n = 900_000_000L;
            void Visit(long person, long venue, DateTime @in, DateTime @out) =>
                db.Visits.Add(new Visit { Id = n++, PersonId = person, VenueId = venue, EnteredAtUtc = @in, ExitedAtUtc = @out, Method = EntryMethod.IdCard });
            Visit(sick, hall, At(18, 2), At(18, 3));
            Visit(others[0], hall, At(18, 2, 40), At(18, 3, 30));   // 20 min together → close
            Visit(others[1], hall, At(18, 2, 55), At(18, 3, 30));   // 5 min → not close
            Visit(sick, bus, At(18, 5), At(18, 5, 10));
            Visit(others[2], bus, At(18, 5, 9), At(18, 5, 30));     // 1 min on a bus → close
            Visit(sick, market, At(18, 6), At(18, 7));
            Visit(others[3], market, At(18, 6), At(18, 7));         // a market is a general contact
            Visit(sick, hall, At(10, 2), At(10, 3));
            Visit(others[4], hall, At(10, 2), At(10, 3));           // before the window
            Visit(others[0], bus, At(19, 3), At(19, 3, 20));
            Visit(others[5], bus, At(19, 3, 10), At(19, 3, 30));    // met the close contact after their exposure → secondary
            Visit(others[0], bus, At(18, 1), At(18, 1, 20));
            Visit(others[6], bus, At(18, 1), At(18, 1, 20));        // met them before they met the case → nobody
            caseId = 800_000_001;
            db.Cases.Add(new CaseRecord
            {
                Id = caseId,
                PersonId = sick,
                FoundBy = CaseFoundBy.PoolResampling,
                FirstPositiveSampledAtUtc = At(19, 1),
                ReportedAtUtc = At(19, 12),
                OnsetDate = new DateOnly(2026, 11, 19),
                Class = CaseClass.Mild,
                Edition = PolicyEdition.Edition9
            });
            await db.SaveChangesAsync();
        }

        var epi = await host.LoginAsync("epi");
        var run = await (await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null)).JsonAsync();
        Assert.Equal(householdMates.Count, run.GetProperty("householdProposed").GetInt32());
        Assert.Equal(2, run.GetProperty("visitProposed").GetInt32());
        Assert.Equal(At(14, 16), run.GetProperty("windowStartUtc").GetDateTime());
        // Again: nothing new.
        var again = await (await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null)).JsonAsync();
        Assert.Equal(0, again.GetProperty("visitProposed").GetInt32() + again.GetProperty("householdProposed").GetInt32());
        Assert.Equal(householdMates.Count + 2, again.GetProperty("alreadyProposed").GetInt32());

        var list = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(householdMates.Concat([others[0], others[2]]).Order(), list.Select(x => x.GetProperty("personId").GetInt64()).Order());
        var inHall = list.Single(x => x.GetProperty("personId").GetInt64() == others[0]);
        Assert.Equal("SharedVisit", inHall.GetProperty("kind").GetString());
        Assert.Equal(hall, inHall.GetProperty("venueId").GetInt64());
        Assert.Equal(20, inHall.GetProperty("overlapMinutes").GetInt32());
        Assert.Equal(At(18, 2, 40), inHall.GetProperty("firstExposureUtc").GetDateTime());
        Assert.Contains("*", inHall.GetProperty("maskedName").GetString());

        // Bulk confirm; a dismissal needs a reason; an id of another case changes nothing.
        var visitIds = list.Where(x => x.GetProperty("kind").GetString() == "SharedVisit").Select(x => x.GetProperty("id").GetInt64()).ToList();
        var ok = await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = visitIds, status = "Confirmed" });
        Assert.Equal(2, (await ok.JsonAsync()).GetProperty("changed").GetInt32());
        var mate = list.First(x => x.GetProperty("kind").GetString() == "Household").GetProperty("id").GetInt64();
        var noNote = await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = new[] { mate }, status = "Dismissed" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("note", await noNote.Content.ReadAsStringAsync());
        var foreign = await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = new[] { mate, 123L }, status = "Confirmed" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await using (var db = host.Db())
        {
            Assert.Equal(ProposalStatus.Proposed, (await db.ContactProposals.SingleAsync(x => x.Id == mate)).Status);
            Assert.Equal(2, await db.ContactProposals.CountAsync(x => x.CaseId == caseId && x.Status == ProposalStatus.Confirmed));
            Assert.Equal(2, await db.TraceAccesses.CountAsync(a => a.PersonId == sick && a.Kind == "contact-search"));
        }
        var view = await (await epi.GetAsync($"/api/cases/{caseId}")).JsonAsync();
        Assert.Equal(2, view.GetProperty("confirmedContacts").GetInt32());

        // Secondary contacts around the two confirmed close contacts: their households and who they met after exposure.
        var secondary = await (await epi.PostAsync($"/api/cases/{caseId}/contacts/search-secondary", null)).JsonAsync();
        Assert.Equal(1, secondary.GetProperty("visitProposed").GetInt32());
        int mates;
        await using (var db = host.Db())
        {
            var closeIds = new[] { others[0], others[2] };
            var households = await db.Persons.Where(p => closeIds.Contains(p.Id) && p.HouseholdId != null).Select(p => p.HouseholdId).ToListAsync();
            mates = await db.Persons.CountAsync(p => households.Contains(p.HouseholdId) && !closeIds.Contains(p.Id));
            var via = await db.ContactProposals.SingleAsync(x => x.CaseId == caseId && x.Grade == ContactGrade.Secondary && x.Kind == ContactKind.SharedVisit);
            Assert.Equal(others[5], via.PersonId);
            Assert.Equal(others[0], via.ViaPersonId);
            Assert.Equal(10, via.OverlapMinutes);
        }
        Assert.Equal(mates, secondary.GetProperty("householdProposed").GetInt32());
        await using (var db = host.Db())
            await db.Cases.Where(x => x.Id == caseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Edition, PolicyEdition.TwentyMeasures));
        var none = await epi.PostAsync($"/api/cases/{caseId}/contacts/search-secondary", null);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("NoSecondaryContacts", await none.Content.ReadAsStringAsync());

        var gate = await host.LoginAsync("gate");
        Assert.Equal(HttpStatusCode.Forbidden, (await gate.PostAsync($"/api/cases/{caseId}/contacts/search", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await epi.PostAsync("/api/cases/42/contacts/search", null)).StatusCode);
    }
}
