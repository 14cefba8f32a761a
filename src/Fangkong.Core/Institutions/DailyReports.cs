using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Returnees;
using Fangkong.Domain.Institutions;
using Fangkong.Domain.Places;
using Fangkong.Domain.Travel;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>One member's temperature and symptoms in a unit's report.</summary>
public sealed record ReadingInput(long PersonId, decimal? Celsius, bool Symptoms);

/// <summary>A member back from outside the province: where from and when, how they travelled.</summary>
public sealed record ReturnInput(long PersonId, string? Origin, long? RiskAreaId, DateOnly? LeftOn, DateOnly? ArrivedOn, TravelMode? Travel);

/// <summary>
/// A unit's day in ONE submission (a class teacher's 50 temperatures, a workshop head's workshop), or a zero report
/// (零报告: everyone normal, nothing to list), with the out-of-province returns found; the idempotency key makes it once.
/// </summary>
public sealed record UnitReport(string? IdempotencyKey, string? Unit, DateOnly? Day, bool Zero, IReadOnlyList<ReadingInput>? Readings, IReadOnlyList<ReturnInput>? Returns);

/// <summary>A member's own report from the phone: today's temperature and symptoms.</summary>
public sealed record SelfReport(string? IdempotencyKey, long? InstitutionId, decimal? Celsius, bool Symptoms);

/// <summary>What a submission made: the unit's report, the members sent to a fever clinic, the returnees registered.</summary>
public sealed record ReportOutcome(long ReportId, long InstitutionId, string Unit, DateOnly Day, bool Zero, int Readings, int Fevers,
    IReadOnlyList<ReferralView> Referrals, IReadOnlyList<long> ReturneeIds);

/// <summary>
/// Daily reports (日检日报, issue 23 part 2): checks everything before writing anything; readings at or above the fever
/// threshold (or with symptoms) send the member to a fever clinic and make the unit's members the contact list for
/// tracing; out-of-province returns go through the returnee registry and the traveller rule (never decided here). The
/// report, its readings, its referrals and its returnees commit together.
/// </summary>
public sealed partial class DailyReports(TimeOrderedIds ids, CityClock clock, InstitutionPolicy policy, ReturneeRegistry returnees)
{
    public const int MaxReadings = 500, MaxReturns = 100;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex KeyPattern();

    public async Task<ReportOutcome> SubmitAsync(FangkongDb db, long userId, long institutionId, long? reporterInstitution, UnitReport r, CancellationToken ct)
    {
        if (r.IdempotencyKey is null || !KeyPattern().IsMatch(r.IdempotencyKey)) throw new InputException("idempotencyKey", Messages.Get("Institutions.Key"));
        var institution = await InstitutionReads.VisibleAsync(db, institutionId, reporterInstitution, ct);
        var sourceKey = $"k:{userId}:{r.IdempotencyKey}";
        if (await db.InstitutionReports.AsNoTracking().FirstOrDefaultAsync(x => x.SourceKey == sourceKey, ct) is { } done)
        {
            if (done.InstitutionId != institutionId) throw new KeyReusedException("idempotencyKey", Messages.Get("Institutions.KeyReused"));
            return await OutcomeAsync(db, done, [], ct);
        }
        var unit = InstitutionRegistry.Text(r.Unit, "unit", InstitutionRegistry.MaxUnit, required: true)!;
        var day = r.Day ?? clock.Today;
        if (day > clock.Today || day < clock.Today.AddDays(-2)) throw new InputException("day", Messages.Get("Institutions.Day", 2));
        var members = await db.InstitutionMembers.AsNoTracking().Where(m => m.InstitutionId == institutionId && m.Unit == unit).Select(m => m.PersonId).ToListAsync(ct);
        if (members.Count == 0) throw new InputException("unit", Messages.Get("Institutions.NoSuchUnit"));
        var readings = r.Readings ?? [];
        if (r.Zero && readings.Any(x => (x.Celsius is not null && ReportingRules.Read(x.Celsius.Value, policy) != ReadingKind.Normal) || x.Symptoms))
            throw new InputException("zero", Messages.Get("Institutions.ZeroWithFever"));
        if (!r.Zero && readings.Count == 0) throw new InputException("readings", Messages.Get("Institutions.NoReadings"));
        var checkedReadings = Check(readings, members.ToHashSet());
        var returns = r.Returns ?? [];
        if (returns.Count > MaxReturns) throw new InputException("returns", Messages.Get("Institutions.TooManyReturns", MaxReturns));
        if (returns.FirstOrDefault(x => !members.Contains(x.PersonId)) is not null) throw new InputException("returns", Messages.Get("Institutions.NotInUnit"));
        return await WriteAsync(db, userId, institution, unit, day, r.Zero, checkedReadings, returns, sourceKey, ct);
    }

    /// <summary>A member reports for themself from the phone: today's reading in their own unit's report.</summary>
    public async Task<ReportOutcome> SubmitOwnAsync(FangkongDb db, long userId, long? personId, SelfReport r, CancellationToken ct)
    {
        if (personId is not { } person) throw new ForbiddenException(Messages.Get("Institutions.NotBound"));
        if (r.IdempotencyKey is null || !KeyPattern().IsMatch(r.IdempotencyKey)) throw new InputException("idempotencyKey", Messages.Get("Institutions.Key"));
        var sourceKey = $"k:{userId}:{r.IdempotencyKey}";
        if (await db.InstitutionReports.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.SourceKey == sourceKey, ct) is { } done)
            return await OutcomeAsync(db, done, [], ct);
        var member = await db.InstitutionMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PersonId == person && (r.InstitutionId == null || m.InstitutionId == r.InstitutionId)).OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("institutionId", Messages.Get("Institutions.NotAMember"));
        var institution = await db.Institutions.IgnoreQueryFilters().AsNoTracking().FirstAsync(i => i.Id == member.InstitutionId, ct);
        var readings = Check([new ReadingInput(person, r.Celsius, r.Symptoms)], [person]);
        return await WriteAsync(db, userId, institution, member.Unit, clock.Today, false, readings, [], sourceKey, ct);
    }

    private List<(long PersonId, decimal Celsius, bool Symptoms, bool Fever)> Check(IReadOnlyList<ReadingInput> readings, HashSet<long> members)
    {
        if (readings.Count > MaxReadings) throw new InputException("readings", Messages.Get("Institutions.TooManyReadings", MaxReadings));
        var seen = new HashSet<long>();
        var list = new List<(long, decimal, bool, bool)>();
        foreach (var x in readings)
        {
            if (!members.Contains(x.PersonId)) throw new InputException("readings", Messages.Get("Institutions.NotInUnit"));
            if (!seen.Add(x.PersonId)) throw new InputException("readings", Messages.Get("Institutions.ReadTwice"));
            if (x.Celsius is not { } c) throw new InputException("celsius", Messages.Get("Institutions.CelsiusRequired"));
            var kind = ReportingRules.Read(c, policy);
            if (kind == ReadingKind.Implausible) throw new InputException("celsius", Messages.Get("Institutions.Implausible", policy.MinCelsius, policy.MaxCelsius));
            list.Add((x.PersonId, c, x.Symptoms, kind == ReadingKind.Fever));
        }
        return list;
    }

    private async Task<ReportOutcome> WriteAsync(FangkongDb db, long userId, Institution institution, string unit, DateOnly day, bool zero,
        List<(long PersonId, decimal Celsius, bool Symptoms, bool Fever)> readings, IReadOnlyList<ReturnInput> returns, string sourceKey, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await db.InstitutionReports.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.InstitutionId == institution.Id && x.Day == day && x.Unit == unit, ct);
        if (report is null)
        {
            report = new InstitutionReport
            {
                Id = ids.Next(),
                InstitutionId = institution.Id,
                Unit = unit,
                Day = day,
                Zero = zero && readings.Count == 0,
                ReportedByUserId = userId,
                AtUtc = now,
                SourceKey = sourceKey,
                PolicyVersion = policy.Version,
            };
            db.InstitutionReports.Add(report);
        }
        // A later submission the same day adds readings for members not read yet (a member's own, a late arrival).
        var already = (await db.MemberReadings.IgnoreQueryFilters().Where(x => x.ReportId == report.Id).Select(x => x.PersonId).ToListAsync(ct)).ToHashSet();
        var fresh = readings.Where(x => !already.Contains(x.PersonId)).ToList();
        foreach (var x in fresh)
            db.MemberReadings.Add(new MemberReading { Id = ids.Next(), ReportId = report.Id, InstitutionId = institution.Id, PersonId = x.PersonId, Day = day, Celsius = x.Celsius, Symptoms = x.Symptoms, Fever = x.Fever });
        report.Readings += fresh.Count;
        if (fresh.Count > 0) report.Zero = false;
        var flagged = fresh.Where(x => x.Fever || x.Symptoms).ToList();
        report.Fevers += flagged.Count;
        var referrals = new List<FeverReferral>();
        if (flagged.Count > 0)
        {
            var clinic = await FeverClinicAsync(db, institution.DistrictCode, ct);
            var referred = (await db.FeverReferrals.IgnoreQueryFilters().Where(f => f.InstitutionId == institution.Id && f.Day == day).Select(f => f.PersonId).ToListAsync(ct)).ToHashSet();
            foreach (var x in flagged.Where(x => !referred.Contains(x.PersonId)))
            {
                var referral = new FeverReferral
                {
                    Id = ids.Next(),
                    InstitutionId = institution.Id,
                    PersonId = x.PersonId,
                    ReportId = report.Id,
                    Unit = unit,
                    Day = day,
                    Celsius = x.Celsius,
                    Symptoms = x.Symptoms,
                    ClinicVenueId = clinic,
                    AtUtc = now,
                };
                db.FeverReferrals.Add(referral);
                referrals.Add(referral);
            }
        }
        await db.SaveChangesAsync(ct);
        var registered = new List<long>();
        foreach (var x in returns)
        {
            var view = await returnees.RegisterAsync(db, new ReturneeRegistration(x.PersonId, null, x.RiskAreaId, x.Origin, x.LeftOn, x.ArrivedOn, x.Travel ?? TravelMode.Other,
                null, ReturneeSource.Community, ByUserId: userId), ct);
            registered.Add(view.Id);
        }
        await tx.CommitAsync(ct);
        return await OutcomeAsync(db, report, registered, ct);
    }

    /// <summary>The fever clinic a member is sent to: a hospital that admits yellow codes, the institution's district's first.</summary>
    private static async Task<long?> FeverClinicAsync(FangkongDb db, string district, CancellationToken ct) =>
        await db.Venues.AsNoTracking().Where(v => v.Type == VenueType.Hospital && v.AllowsYellow)
            .OrderBy(v => v.DistrictCode == district ? 0 : 1).ThenBy(v => v.Id).Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);

    private async Task<ReportOutcome> OutcomeAsync(FangkongDb db, InstitutionReport report, IReadOnlyList<long> returneeIds, CancellationToken ct)
    {
        var referrals = await InstitutionReads.ReferralsAsync(db, clock, q => q.Where(f => f.ReportId == report.Id), ct);
        return new ReportOutcome(report.Id, report.InstitutionId, report.Unit, report.Day, report.Zero, report.Readings, report.Fevers, referrals, returneeIds);
    }
}
