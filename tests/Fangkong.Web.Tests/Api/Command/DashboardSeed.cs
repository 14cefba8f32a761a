using Fangkong.Core.People;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Command;

/// <summary>
/// Twenty days of an epidemic written straight into a demo city's store, with every state the dashboard counts: each
/// clinical type, conversions on and after the report day, discharges, releases and deaths, suspected cases, contacts
/// decided and released on many days (companions and undecided ones too) — many persons contacts of several cases — and
/// people isolated at a site or at home.
/// </summary>
internal static class DashboardSeed
{
    public static async Task<int> WriteAsync(CityHost host, int cases, int seed)
    {
        var random = new Random(seed);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using var db = host.Db();
        var people = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null).OrderBy(p => p.Id).Select(p => p.Id).Take(cases * 4).ToListAsync();
        var districts = await PersonDirectory.DistrictsAsync(db, people, default);
        var site = new QuarantineSite { Id = 830_000_001, Name = "仪表盘测试隔离点", DistrictCode = districts.Values.First(), CreatedAtUtc = now.AddDays(-20) };
        db.QuarantineSites.Add(site);
        for (var r = 0; r < 40; r++) db.QuarantineRooms.Add(new QuarantineRoom { Id = 830_100_000 + r, SiteId = site.Id, Number = $"{r + 101}", Beds = 2 });
        var quarantined = new HashSet<long>();
        CaseClass[] classes = [CaseClass.Asymptomatic, CaseClass.Mild, CaseClass.Mild, CaseClass.Common, CaseClass.Severe, CaseClass.Critical, CaseClass.Suspected];
        for (var i = 0; i < cases; i++)
        {
            var id = 800_000_000L + i;
            // Up to 20 days back, but never later than now (the last ones land today).
            var reported = now.AddHours(-random.Next(0, 20 * 24));
            var cls = classes[random.Next(classes.Length)];
            DateTime? converted = cls is CaseClass.Mild or CaseClass.Common && random.Next(3) == 0 ? Min(now, reported.AddHours(random.Next(0, 96))) : null;
            var status = (CaseStatus)random.Next(5);
            // A suspected case ends excluded (or confirmed, which the seed does not do): it is neither discharged, released nor dead.
            if (cls == CaseClass.Suspected && CaseRecord.IsEnded(status)) status = CaseStatus.Excluded;
            DateTime? statusAt = status == CaseStatus.Reported ? null : Min(now, reported.AddHours(random.Next(1, 300)));
            db.Cases.Add(new CaseRecord
            {
                Id = id,
                PersonId = people[i],
                FoundBy = (CaseFoundBy)random.Next(1, 7),
                FirstPositiveSampledAtUtc = reported.AddHours(-6),
                ReportedAtUtc = reported,
                Class = cls,
                SuspectedAtUtc = cls == CaseClass.Suspected ? reported : null,
                OnsetDate = cls is CaseClass.Asymptomatic or CaseClass.Suspected ? null : DateOnly.FromDateTime(reported.AddHours(8).AddDays(-random.Next(0, 4))),
                ConvertedAtUtc = converted,
                Status = status,
                StatusAtUtc = statusAt,
                // A few without an address count under "address unknown".
                DistrictCode = i % 25 == 0 ? null : districts.GetValueOrDefault(people[i]),
            });
            for (var k = 0; k < 3; k++)
            {
                var contactId = 810_000_000L + 3 * i + k;
                var grade = k == 2 ? (random.Next(4) == 0 ? ContactGrade.Companion : ContactGrade.Secondary) : ContactGrade.Close;
                var decided = Min(now, reported.AddHours(random.Next(1, 30)));
                var state = random.Next(6) == 0 ? ProposalStatus.Proposed : ProposalStatus.Confirmed;
                DateTime? released = state == ProposalStatus.Confirmed && random.Next(2) == 0 ? Min(now, decided.AddHours(random.Next(24, 200))) : null;
                var person = people[cases + 3 * i + k];
                // Persons near several cases, as in a real outbreak: the first close contact of every four cases in a
                // row is one person, and every fifth case's third contact is the previous case's second close contact.
                if (k == 0) person = people[cases + 3 * (i - i % 4)];
                if (k == 2 && i % 5 == 1) person = people[cases + 3 * (i - 1) + 1];
                db.ContactProposals.Add(new ContactProposal
                {
                    Id = contactId,
                    CaseId = id,
                    PersonId = person,
                    Grade = grade,
                    Kind = ContactKind.Household,
                    FirstExposureUtc = reported.AddDays(-1),
                    Status = state,
                    ProposedAtUtc = reported,
                    DecidedAtUtc = state == ProposalStatus.Proposed ? null : decided,
                    ReleasedAtUtc = released,
                });
                if (state != ProposalStatus.Confirmed || grade != ContactGrade.Close) continue;
                var home = random.Next(3) == 0;
                if (!quarantined.Add(person)) continue; // one stay a person, for the first case that named them
                db.QuarantineStays.Add(new QuarantineStay
                {
                    Id = 820_000_000L + 3 * i + k,
                    PersonId = person,
                    CaseId = id,
                    ContactId = contactId,
                    Role = ContactRole.CloseContact,
                    Edition = PolicyEdition.Edition9,
                    Place = home ? QuarantinePlace.Home : QuarantinePlace.Centralized,
                    SiteId = home ? null : site.Id,
                    RoomId = home ? null : 830_100_000 + random.Next(40),
                    Day1 = DateOnly.FromDateTime(decided.AddHours(8)),
                    ReleaseDate = DateOnly.FromDateTime(decided.AddHours(8)).AddDays(7),
                    State = released is null ? QuarantineState.InQuarantine : QuarantineState.Released,
                    CreatedAtUtc = decided,
                    ReleasedAtUtc = released,
                });
            }
        }
        await db.SaveChangesAsync();
        return cases;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
