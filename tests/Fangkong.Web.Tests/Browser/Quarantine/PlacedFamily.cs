using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Browser.Quarantine;

/// <summary>
/// A case whose household members are confirmed close contacts, placed at a site by the Core placement as
/// POST /api/cases/{id}/contacts/quarantine does (edition 9: centralized first, a test on day 1, a transfer to the site).
/// Disposing removes the case, its contacts and their stays, so the chain graph and lists of the shared city stay as they were.
/// </summary>
public sealed class PlacedFamily : IAsyncDisposable
{
    private readonly CityBrowserFixture _app;

    private PlacedFamily(CityBrowserFixture app, long caseId, IReadOnlyList<(long Id, string Name, string DocumentNumber)> contacts, IReadOnlyList<Placed> placed)
    {
        _app = app; CaseId = caseId; Contacts = contacts; Placed = placed;
    }

    public long CaseId { get; }
    public IReadOnlyList<(long Id, string Name, string DocumentNumber)> Contacts { get; }
    public IReadOnlyList<Placed> Placed { get; }

    /// <summary>Places the other members of a household of <paramref name="size"/> (highest ids first, away from the other tests' residents).</summary>
    public static async Task<PlacedFamily> PlaceAsync(CityBrowserFixture app, long caseId, int size, long siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var taken = await db.QuarantineStays.Select(s => s.PersonId).ToListAsync();
        var people = await db.Persons.Where(p => p.HouseholdId != null).Select(p => new { p.Id, p.HouseholdId, p.Name, p.DocumentNumber }).ToListAsync();
        var family = people.GroupBy(p => p.HouseholdId).OrderByDescending(g => g.Key)
            .First(g => g.Count() == size && g.All(p => p.Id != app.ResidentPersonId && !taken.Contains(p.Id))).OrderBy(p => p.Id).ToList();
        var now = DateTime.UtcNow;
        db.Cases.Add(new CaseRecord
        {
            Id = caseId,
            PersonId = family[0].Id,
            FoundBy = CaseFoundBy.FeverClinic,
            FirstPositiveSampledAtUtc = now.AddDays(-1),
            ReportedAtUtc = now.AddDays(-1),
            Class = CaseClass.Mild,
            OnsetDate = DateOnly.FromDateTime(now.AddDays(-2)),
            Edition = PolicyEdition.Edition9,
        });
        var contacts = family.Skip(1).ToList();
        var ids = contacts.Select((p, i) => caseId * 10 + i).ToList();
        for (var i = 0; i < contacts.Count; i++)
            db.ContactProposals.Add(new ContactProposal
            {
                Id = ids[i],
                CaseId = caseId,
                PersonId = contacts[i].Id,
                Grade = ContactGrade.Close,
                Kind = ContactKind.Household,
                FirstExposureUtc = now.AddDays(-2),
                Status = ProposalStatus.Confirmed,
                ProposedAtUtc = now.AddDays(-1),
                DecidedAtUtc = now.AddDays(-1),
            });
        await db.SaveChangesAsync();
        var answer = await scope.ServiceProvider.GetRequiredService<QuarantinePlacement>().PlaceAsync(db, caseId, new PlaceRequest(ids, siteId), default);
        Assert.Empty(answer.Refused);
        return new PlacedFamily(app, caseId, contacts.Select(p => (p.Id, p.Name, p.DocumentNumber)).ToList(), answer.Placed);
    }

    public async ValueTask DisposeAsync()
    {
        await using var db = _app.Db();
        var stays = await db.QuarantineStays.Where(s => s.CaseId == CaseId).Select(s => s.Id).ToListAsync();
        var stayIds = stays.Select(s => (long?)s).ToList();
        await db.QuarantineCheckIns.Where(c => stays.Contains(c.StayId)).ExecuteDeleteAsync();
        await db.QuarantineTransfers.Where(t => stays.Contains(t.StayId)).ExecuteDeleteAsync();
        await db.ResampleTasks.Where(t => stayIds.Contains(t.StayId)).ExecuteDeleteAsync();
        await db.QuarantineStays.Where(s => s.CaseId == CaseId).ExecuteDeleteAsync();
        await db.ContactProposals.Where(p => p.CaseId == CaseId).ExecuteDeleteAsync();
        await db.Cases.Where(c => c.Id == CaseId).ExecuteDeleteAsync();
    }
}
