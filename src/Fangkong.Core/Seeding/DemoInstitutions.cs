using Fangkong.Core.Data;
using Fangkong.Core.Institutions;
using Fangkong.Domain.Institutions;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The demo's reporting institutions (issue 23, ADR 0045): a middle school with three classes of the city's teenagers
/// (the <c>school</c> account is its class teacher), a nursing home of the elderly in closed management with its staff on
/// a closed-loop shift, and an enterprise with two workshops; three days of daily reports with one fever referred, and
/// today's reports partly in, so the district's overview shows reporting, missing and a fever on first start.
/// </summary>
internal static class DemoInstitutions
{
    public const long SchoolId = 9301, HomeId = 9302, EnterpriseId = 9303;

    public static async Task SeedAsync(FangkongDb db, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        if (await db.Institutions.AnyAsync(ct)) return;
        var district = "220402";
        db.Institutions.AddRange(
            new Institution
            {
                Id = SchoolId,
                Name = "辽源市实验中学",
                Kind = InstitutionKind.School,
                DistrictCode = district,
                Address = "龙山区东吉大街 88 号",
                Staff = 282,
                Students = 4400,
                ResponsibleName = "王建华",
                ResponsiblePhone = "13904370001",
                PreventionPlan = "一校一策：晨午检、因病缺勤追踪、外省返校学生居家观察期满方可返校。",
                CreatedAtUtc = nowUtc
            },
            new Institution
            {
                Id = HomeId,
                Name = "龙山区福寿养老院",
                Kind = InstitutionKind.NursingHome,
                DistrictCode = district,
                Address = "龙山区向阳街 12 号",
                Staff = 10,
                Residents = 40,
                Beds = 60,
                ResponsibleName = "李秀兰",
                ResponsiblePhone = "13904370002",
                PreventionPlan = "一院一策：封闭管理，谢绝探视，工作人员 14 天一轮闭环值守，每日核酸。",
                ClosedSince = today.AddDays(-5),
                ShiftDays = 14,
                CreatedAtUtc = nowUtc
            },
            new Institution
            {
                Id = EnterpriseId,
                Name = "辽源市华盛纺织有限公司",
                Kind = InstitutionKind.Enterprise,
                DistrictCode = district,
                Address = "龙山区工业园区",
                Staff = 60,
                ResponsibleName = "赵德民",
                ResponsiblePhone = "13904370003",
                PreventionPlan = "一企一策：分车间错峰上下班，每日体温登记。",
                CreatedAtUtc = nowUtc
            });

        // Members from the district's residents by age: teenagers for the school, the elderly and adults for the home, adults for the workshops.
        async Task<List<long>> Born(DateOnly from, DateOnly to, int n, int skip = 0) => await db.Persons.AsNoTracking()
            .Where(p => p.DistrictCode == district && p.BirthDate >= from && p.BirthDate < to).OrderBy(p => p.Id).Skip(skip).Take(n).Select(p => p.Id).ToListAsync(ct);
        var students = await Born(new DateOnly(2008, 1, 1), new DateOnly(2012, 1, 1), 150);
        var elderly = await Born(new DateOnly(1920, 1, 1), new DateOnly(1950, 1, 1), 40);
        var adults = await Born(new DateOnly(1970, 1, 1), new DateOnly(2000, 1, 1), 70);
        var id = 93_000_000L;
        var members = new List<InstitutionMember>();
        void Add(long institution, IEnumerable<long> persons, Func<int, string> unit, MemberKind kind) =>
            members.AddRange(persons.Select((p, i) => new InstitutionMember { Id = id++, InstitutionId = institution, PersonId = p, Unit = unit(i), Kind = kind, AddedAtUtc = nowUtc }));
        Add(SchoolId, students, i => $"初二（{i / 50 + 1}）班", MemberKind.Student);
        Add(HomeId, elderly, i => i < 20 ? "一病区" : "二病区", MemberKind.Resident);
        Add(HomeId, adults.Take(10), _ => "护理部", MemberKind.Staff);
        Add(EnterpriseId, adults.Skip(10), i => i < 30 ? "织造车间" : "印染车间", MemberKind.Staff);
        db.InstitutionMembers.AddRange(members);

        var clinic = await db.Venues.AsNoTracking().Where(v => v.Type == VenueType.Hospital && v.AllowsYellow).OrderBy(v => v.Id).Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);
        var policy = new InstitutionPolicy();
        var units = members.GroupBy(m => (m.InstitutionId, m.Unit)).ToList();
        var reportId = 93_100_000L;
        var readingId = 93_200_000L;
        for (var back = 3; back >= 0; back--)
        {
            var day = today.AddDays(-back);
            foreach (var unit in units)
            {
                // Today: the school's first two classes and the home have reported by 08:00; the third class and the enterprise have not.
                if (back == 0 && (unit.Key.InstitutionId == EnterpriseId || unit.Key.Unit == "初二（3）班")) continue;
                var at = day.ToDateTime(new TimeOnly(7, 40 + (int)(unit.Key.InstitutionId % 10))) - TimeSpan.FromHours(8);
                var report = new InstitutionReport
                {
                    Id = reportId++,
                    InstitutionId = unit.Key.InstitutionId,
                    Unit = unit.Key.Unit,
                    Day = day,
                    ReportedByUserId = DemoAccounts.SchoolUserId,
                    AtUtc = at,
                    PolicyVersion = policy.Version,
                    SourceKey = $"demo:{reportId}",
                };
                // The enterprise files zero reports (零报告); the others list each member.
                if (unit.Key.InstitutionId == EnterpriseId) { report.Zero = true; db.InstitutionReports.Add(report); continue; }
                var i = 0;
                foreach (var m in unit)
                {
                    var fever = back == 1 && unit.Key.Unit == "初二（2）班" && i == 7;
                    var celsius = fever ? 38.1m : 36.2m + (m.PersonId + back) % 7 / 10m;
                    db.MemberReadings.Add(new MemberReading { Id = readingId++, ReportId = report.Id, InstitutionId = m.InstitutionId, PersonId = m.PersonId, Day = day, Celsius = celsius, Fever = fever });
                    if (fever)
                    {
                        report.Fevers++;
                        db.FeverReferrals.Add(new FeverReferral
                        {
                            Id = readingId++,
                            InstitutionId = m.InstitutionId,
                            PersonId = m.PersonId,
                            ReportId = report.Id,
                            Unit = m.Unit,
                            Day = day,
                            Celsius = celsius,
                            ClinicVenueId = clinic,
                            AtUtc = at
                        });
                    }
                    report.Readings++;
                    i++;
                }
                db.InstitutionReports.Add(report);
            }
        }
        // The home's nursing staff on a closed-loop shift since closing, tested every day so far but today.
        var shiftId = 93_300_000L;
        foreach (var m in members.Where(m => m.InstitutionId == HomeId && m.Kind == MemberKind.Staff))
        {
            var shift = new StaffShift { Id = shiftId++, InstitutionId = HomeId, PersonId = m.PersonId, StartsOn = today.AddDays(-5), Days = 14, AtUtc = nowUtc.AddDays(-5) };
            db.StaffShifts.Add(shift);
            for (var d = -5; d < 0; d++)
                db.ShiftTests.Add(new ShiftTest { Id = shiftId++, ShiftId = shift.Id, Day = today.AddDays(d), Antigen = d % 2 == 0, AtUtc = nowUtc.AddDays(d) });
        }
        await db.SaveChangesAsync(ct);
    }
}
