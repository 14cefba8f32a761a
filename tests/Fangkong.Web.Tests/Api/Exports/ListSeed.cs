using Fangkong.Core.People;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

/// <summary>Cases, contacts and quarantine stays written straight into a demo city's store, to list and export.</summary>
internal static class ListSeed
{
    public sealed record Seeded(IReadOnlyList<long> CaseIds, IReadOnlyList<Person> People);

    /// <param name="idBase">The first case id; contacts start 10,000,000 and stays 20,000,000 above it. An 18-digit base
    /// gives ids like the product's (time-ordered, longer than a spreadsheet's 15 significant digits).</param>
    public static async Task<Seeded> CasesAndContactsAsync(CityHost host, int cases, DateTime at, long idBase = 700_000_000)
    {
        await using var db = host.Db();
        var people = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && p.Phone != null).OrderBy(p => p.Id).Take(cases * 3).ToListAsync();
        var districts = await PersonDirectory.DistrictsAsync(db, people.Select(p => p.Id).ToList(), default);
        var classes = Enum.GetValues<CaseClass>();
        var ids = new List<long>();
        for (var i = 0; i < cases; i++)
        {
            var id = idBase + i;
            ids.Add(id);
            var p = people[i];
            db.Cases.Add(new CaseRecord
            {
                Id = id,
                PersonId = p.Id,
                FoundBy = CaseFoundBy.PoolResampling,
                FirstPositiveSampledAtUtc = at.AddHours(i),
                ReportedAtUtc = at.AddHours(i + 1),
                Class = classes[i % classes.Length],
                DistrictCode = districts.GetValueOrDefault(p.Id),
            });
            // Two contacts per case: a confirmed close contact (quarantined: centralised or at home) and a proposed secondary one.
            var close = people[cases + i];
            var secondary = people[2 * cases + i];
            db.ContactProposals.Add(new ContactProposal
            {
                Id = idBase + 10_000_000 + 2 * i,
                CaseId = id,
                PersonId = close.Id,
                Grade = ContactGrade.Close,
                Kind = ContactKind.Household,
                FirstExposureUtc = at.AddHours(i - 24),
                Status = ProposalStatus.Confirmed,
                ProposedAtUtc = at.AddHours(i + 2),
            });
            db.ContactProposals.Add(new ContactProposal
            {
                Id = idBase + 10_000_001 + 2 * i,
                CaseId = id,
                PersonId = secondary.Id,
                ViaPersonId = close.Id,
                Grade = ContactGrade.Secondary,
                Kind = ContactKind.Household,
                FirstExposureUtc = at.AddHours(i - 12),
                Status = ProposalStatus.Proposed,
                ProposedAtUtc = at.AddHours(i + 2),
            });
            db.QuarantineStays.Add(new QuarantineStay
            {
                Id = idBase + 20_000_000 + i,
                PersonId = close.Id,
                CaseId = id,
                ContactId = idBase + 10_000_000 + 2 * i,
                Role = ContactRole.CloseContact,
                Edition = PolicyEdition.Edition9,
                Place = i % 3 == 0 ? QuarantinePlace.Home : QuarantinePlace.Centralized,
                Day1 = new DateOnly(2026, 11, 16),
                ReleaseDate = new DateOnly(2026, 11, 23),
                State = i % 10 == 0 ? QuarantineState.Released : QuarantineState.InQuarantine,
                CreatedAtUtc = at,
            });
        }
        await db.SaveChangesAsync();
        return new Seeded(ids, people);
    }
}
