using Fangkong.Core.Accounts;
using Fangkong.Core.Requests;
using Fangkong.Domain.Community;
using Fangkong.Domain.Requests;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Citizens' requests from sealed homes (issue 20), through the same use cases the hotline's and the units' pages use. It
/// runs last in the simulated day, from 23:00 (the simulation's clock only moves forward, and the outbreak's own steps keep
/// their hours): some sealed households call 12345 (mostly supplies and medicine; a dialysis patient or a woman in labour
/// behind a sealed door is a medical emergency, raised to the district with closed-loop transport); in the afternoon
/// the community takes them on and resolves most with an answer and some of yesterday's left over, late; a few stay open
/// and the sweep raises the overdue ones; a few callers reopen yesterday's answer. Its own random stream leaves the outbreak itself as it was.
/// </summary>
internal static class OutbreakRequests
{
    private static readonly (RequestCategory Category, double Weight, string Text, string Answer)[] Needs =
    [
        (RequestCategory.Supplies, 0.34, "家里蔬菜和米面快吃完了，小区封控出不去", "已安排保供单位配送蔬菜包到门口"),
        (RequestCategory.Medicine, 0.2, "老人高血压药只剩两天的量，需要代购", "网格员已代购药品送到家门口"),
        (RequestCategory.MedicalCare, 0.08, "孩子发烧两天，想去医院看看", "已联系社区卫生服务站上门诊治"),
        (RequestCategory.Testing, 0.1, "昨天做的核酸结果一直查不到", "检测结果已出，阴性，请在健康码页面查看"),
        (RequestCategory.CodeColour, 0.06, "没去过风险地区，健康码却变黄了", "已转健康码申诉渠道，请在手机上提交申诉"),
        (RequestCategory.Quarantine, 0.08, "居家隔离到期了，什么时候能解除", "按规定解除时间已告知，届时社区上门核验"),
        (RequestCategory.Transport, 0.04, "需要回单位上班，怎么办理通行", "已告知闭环上班的办理流程"),
        (RequestCategory.Psychological, 0.04, "封在家里很焦虑，晚上睡不着", "心理援助热线已回访并预约了咨询"),
        (RequestCategory.RuleBreaking, 0.03, "楼上有人私自下楼到处走动", "社区已上门劝导并加强巡查"),
        (RequestCategory.Other, 0.03, "想咨询一下快递能不能送进小区", "小区快递统一消杀后由志愿者送到门口"),
    ];

    public static async Task<int> RunAsync(OutbreakWorld w, CancellationToken ct)
    {
        var rng = new Random(unchecked(w.Options.Seed * 104_729 + w.Today.DayNumber));
        var intake = w.Get<TicketIntake>();
        var actions = w.Get<TicketActions>();
        var mine = w.Get<MyTickets>();
        long hotline, unit;
        List<(long Household, long Person, string Phone, SpecialGroup? Group)> callers;
        await using (var db = await w.DbAsync(ct))
        {
            hotline = await UserAsync(db, Roles.HotlineOperator, ct) ?? await UserAsync(db, Roles.Administrator, ct) ?? 0;
            unit = await UserAsync(db, Roles.CommunityOfficer, ct) ?? await UserAsync(db, Roles.Administrator, ct) ?? 0;
            if (hotline == 0) return 0;
            var sealedIn = await db.ZonedHouseholds.Where(z => z.Level == ZoneLevel.Sealed).Select(z => z.HouseholdId).Distinct().OrderBy(h => h).ToListAsync(ct);
            // About one sealed household in ten calls on a day (Jilin's platforms: ~2,000 a day for a city of 4 million at home).
            var calling = sealedIn.Where(_ => rng.NextDouble() < 0.1).Take(200).ToList();
            var people = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && calling.Contains(p.HouseholdId.Value) && p.Phone != null)
                .OrderBy(p => p.Id).Select(p => new { p.Id, Household = p.HouseholdId!.Value, p.Phone }).ToListAsync(ct);
            var ids = people.Select(p => p.Id).ToList();
            var groups = (await db.SpecialGroupMembers.AsNoTracking().Where(m => m.EndedAtUtc == null && ids.Contains(m.PersonId)).Select(m => new { m.PersonId, m.Group }).ToListAsync(ct))
                .ToLookup(m => m.PersonId, m => m.Group);
            callers = people.GroupBy(p => p.Household).Select(g => g.First())
                .Select(p => (p.Household, p.Id, p.Phone!, groups[p.Id].Select(x => (SpecialGroup?)x).FirstOrDefault())).ToList();
        }

        // 23:00–23:30: the calls.
        var filed = new List<TicketView>();
        for (var i = 0; i < callers.Count; i++)
        {
            var (_, person, phone, group) = callers[i];
            w.At(23, i * 30 / Math.Max(1, callers.Count));
            var need = Pick(rng);
            var emergency = group switch
            {
                SpecialGroup.Dialysis when rng.NextDouble() < 0.5 => MedicalEmergency.Dialysis,
                SpecialGroup.Pregnant when rng.NextDouble() < 0.2 => MedicalEmergency.Childbirth,
                _ when rng.NextDouble() < 0.005 => MedicalEmergency.ChestPain,
                _ => MedicalEmergency.None,
            };
            var (category, text) = emergency switch
            {
                MedicalEmergency.Dialysis => (RequestCategory.MedicalCare, "透析患者今天必须去医院透析，小区封控需要转运"),
                MedicalEmergency.Childbirth => (RequestCategory.MedicalCare, "孕妇临产，需要马上去医院"),
                MedicalEmergency.ChestPain => (RequestCategory.MedicalCare, "老人突发胸痛，需要马上就医"),
                _ => (need.Category, need.Text),
            };
            await using var db = await w.DbAsync(ct);
            filed.Add(await intake.FileAsync(db, hotline, RequestSource.Hotline,
                new TicketDraft($"sim-{w.Today:yyyyMMdd}-{i:D4}", category, text, group is null ? RequestUrgency.Normal : RequestUrgency.Urgent, emergency, phone, null, person), ct));
        }

        // Emergencies at once: the closed loop's four steps within the hour, then resolved.
        foreach (var t in filed.Where(t => t.TransportSteps.Count > 0))
        {
            await using var db = await w.DbAsync(ct);
            await actions.AssignAsync(db, unit, t.Id, "社区转运专班", ct);
            foreach (var step in t.TransportSteps) await actions.TransportAsync(db, unit, t.Id, step, ct);
            await actions.ResolveAsync(db, unit, t.Id, "已闭环转运至定点医院，返家后继续居家管理", ct);
        }

        // 23:35: the community takes the rest on and answers most; some stay open, and half of yesterday's open ones are answered late.
        w.At(23, 35);
        await using (var db = await w.DbAsync(ct))
        {
            var left = await db.Tickets.AsNoTracking().Where(t => t.IsOpen && t.ReceivedAtUtc < w.DayStartUtc).OrderBy(t => t.Id).Select(t => new { t.Id, t.Category, t.State }).ToListAsync(ct);
            foreach (var t in left.Where(_ => rng.NextDouble() < 0.5))
            {
                if (t.State is TicketState.Received or TicketState.Escalated or TicketState.Reopened) await actions.AssignAsync(db, unit, t.Id, "网格员", ct);
                await actions.ResolveAsync(db, unit, t.Id, Needs.First(n => n.Category == t.Category).Answer, ct);
            }
        }
        foreach (var t in filed.Where(t => t.TransportSteps.Count == 0))
        {
            var r = rng.NextDouble();
            if (r < 0.1) continue;
            await using var db = await w.DbAsync(ct);
            await actions.AssignAsync(db, unit, t.Id, "网格员", ct);
            if (r < 0.2) continue;
            await actions.ResolveAsync(db, unit, t.Id, Needs.First(n => n.Category == t.Category).Answer, ct);
        }

        // 23:45: a few callers say yesterday's answer did not solve it.
        w.At(23, 45);
        await using (var db = await w.DbAsync(ct))
        {
            var yesterday = w.DayStartUtc.AddDays(-1);
            var answered = await db.Tickets.AsNoTracking().Where(t => t.State == TicketState.Resolved && t.ReceivedAtUtc >= yesterday && t.ReceivedAtUtc < w.DayStartUtc
                    && t.PersonId != null && t.Emergency == MedicalEmergency.None)
                .OrderBy(t => t.Id).Select(t => new { t.Id, Person = t.PersonId!.Value }).ToListAsync(ct);
            foreach (var t in answered.Where(_ => rng.NextDouble() < 0.03))
                await mine.ReopenAsync(db, 0, t.Person, t.Id, "问题还没有解决，东西没有送到", ct);
        }

        // 23:55: the sweep raises whatever ran past its deadline.
        w.At(23, 55);
        await using (var db = await w.DbAsync(ct)) await w.Get<TicketEscalation>().SweepAsync(db, ct);
        return filed.Count;
    }

    private static (RequestCategory Category, double Weight, string Text, string Answer) Pick(Random rng)
    {
        var x = rng.NextDouble() * Needs.Sum(n => n.Weight);
        foreach (var n in Needs)
        {
            if (x < n.Weight) return n;
            x -= n.Weight;
        }
        return Needs[^1];
    }

    private static async Task<long?> UserAsync(Data.FangkongDb db, string role, CancellationToken ct) =>
        await db.Users.Where(u => u.Role == role).OrderBy(u => u.Id).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
}
