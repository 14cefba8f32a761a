using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Institutions;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>
/// Institutions as officers, reporters and epidemiologists read them: one with its units' day, a unit's roster for the
/// reporter's page, the line list and its export, the units missing their report, fever referrals and each one's
/// contact list, and the district's overview. An institution reporter reads only their own institution (anything else is
/// "not found"); officers read their area's (ADR 0028's filter on institutions).
/// </summary>
public sealed class InstitutionReads(CityClock clock, InstitutionPolicy policy)
{
    /// <summary>The institution if the caller may see it: a reporter only their own; an officer within their area.</summary>
    internal static async Task<Institution> VisibleAsync(FangkongDb db, long id, long? reporterInstitution, CancellationToken ct)
    {
        if (reporterInstitution is { } own && own != id) throw new NotFoundException("id", Messages.Get("Institutions.NotFound"));
        return await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Institutions.NotFound"));
    }

    public Task<InstitutionView> OneAsync(FangkongDb db, long id, long? reporterInstitution, CancellationToken ct) =>
        reporterInstitution is { } own && own != id ? throw new NotFoundException("id", Messages.Get("Institutions.NotFound")) : OneAsync(db, clock, policy, id, ct);

    internal static async Task<InstitutionView> OneAsync(FangkongDb db, CityClock clock, InstitutionPolicy policy, long id, CancellationToken ct)
    {
        var i = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Institutions.NotFound"));
        var day = clock.Today;
        var units = (await UnitsAsync(db, clock, policy, db.Institutions.Where(x => x.Id == id), day, ct)).GetValueOrDefault(id) ?? [];
        var district = await db.Districts.Where(d => d.Code == i.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? i.DistrictCode;
        return new InstitutionView(i.Id, i.Name, i.Kind, InstitutionWords.Of(i.Kind), i.DistrictCode, district, i.CommunityId, i.Address, i.Staff, i.Students,
            i.Residents, i.Beds, i.ResponsibleName, i.ResponsiblePhone is null ? null : Masking.Phone(i.ResponsiblePhone), InstitutionKinds.PlanWord(i.Kind),
            i.PreventionPlan, i.ClosedSince, i.ClosedUntil, i.ShiftDays, IsClosed(i, day), ClosedLoopRules.VisitorsAllowed(i.ClosedSince, i.ClosedUntil, day),
            units.Sum(u => u.Members), day, clock.ToUtc(ReportingRules.DeadlineOf(day, policy)), units);
    }

    internal static bool IsClosed(Institution i, DateOnly day) => i.ClosedSince is { } s && s <= day && (i.ClosedUntil is not { } u || u > day);

    /// <summary>Each institution's units on a day: members, report, fevers, missing past the deadline.</summary>
    internal static async Task<Dictionary<long, List<UnitView>>> UnitsAsync(FangkongDb db, CityClock clock, InstitutionPolicy policy, IQueryable<Institution> institutions,
        DateOnly day, CancellationToken ct)
    {
        var counts = await db.InstitutionMembers.AsNoTracking().Where(m => institutions.Any(i => i.Id == m.InstitutionId))
            .GroupBy(m => new { m.InstitutionId, m.Unit }).Select(g => new { g.Key.InstitutionId, g.Key.Unit, N = g.Count() }).ToListAsync(ct);
        var reports = (await db.InstitutionReports.AsNoTracking().Where(r => r.Day == day && institutions.Any(i => i.Id == r.InstitutionId))
            .Select(r => new { r.InstitutionId, r.Unit, r.Zero, r.Readings, r.Fevers }).ToListAsync(ct)).ToDictionary(r => (r.InstitutionId, r.Unit));
        var past = ReportingRules.IsMissing(day, clock.LocalNow, policy);
        return counts.GroupBy(c => c.InstitutionId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Unit, StringComparer.Ordinal).Select(c =>
        {
            var r = reports.GetValueOrDefault((c.InstitutionId, c.Unit));
            return new UnitView(c.Unit, c.N, r is not null, r?.Zero ?? false, r?.Readings ?? 0, r?.Fevers ?? 0, r is null && past);
        }).ToList());
    }

    /// <summary>A unit's roster for a day, in name order, with the readings already in (the reporter's phone page).</summary>
    public async Task<RosterView> RosterAsync(FangkongDb db, long id, long? reporterInstitution, string? unit, DateOnly? day, CancellationToken ct)
    {
        var i = await VisibleAsync(db, id, reporterInstitution, ct);
        var u = unit?.Trim() ?? "";
        var d = day ?? clock.Today;
        var members = await db.InstitutionMembers.AsNoTracking().Where(m => m.InstitutionId == id && m.Unit == u).Select(m => new { m.PersonId, m.Kind }).ToListAsync(ct);
        if (members.Count == 0) throw new NotFoundException("unit", Messages.Get("Institutions.NoSuchUnit"));
        var ids = members.Select(m => m.PersonId).ToList();
        Dictionary<long, string> names;
        using (db.WholeCity())
            names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var report = await db.InstitutionReports.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == id && r.Day == d && r.Unit == u, ct);
        var readings = report is null ? [] : await db.MemberReadings.AsNoTracking().Where(r => r.ReportId == report.Id).ToDictionaryAsync(r => r.PersonId, ct);
        var list = members.Select(m => new RosterMember(m.PersonId, Masking.Name(names.GetValueOrDefault(m.PersonId)), m.Kind,
                readings.GetValueOrDefault(m.PersonId)?.Celsius, readings.GetValueOrDefault(m.PersonId)?.Symptoms))
            .OrderBy(m => names.GetValueOrDefault(m.PersonId), StringComparer.Ordinal).ThenBy(m => m.PersonId).ToList();
        return new RosterView(id, i.Name, u, d, report is not null, report?.Zero ?? false, policy.FeverCelsius, list);
    }

    internal IQueryable<Institution> Query(FangkongDb db, InstitutionFilter f, DateOnly day)
    {
        var q = db.Institutions.AsNoTracking();
        if (f.Kind is { } k) q = q.Where(i => i.Kind == k);
        if (!string.IsNullOrWhiteSpace(f.DistrictCode)) q = q.Where(i => i.DistrictCode == f.DistrictCode);
        if (f.Closed is { } closed)
            q = closed ? q.Where(i => i.ClosedSince != null && i.ClosedSince <= day && (i.ClosedUntil == null || i.ClosedUntil > day))
                : q.Where(i => !(i.ClosedSince != null && i.ClosedSince <= day && (i.ClosedUntil == null || i.ClosedUntil > day)));
        if (f.Missing is { } missing)
        {
            var past = ReportingRules.IsMissing(day, clock.LocalNow, policy);
            var lacking = q.Where(i => db.InstitutionMembers.Any(m => m.InstitutionId == i.Id && !db.InstitutionReports.Any(r => r.InstitutionId == i.Id && r.Day == day && r.Unit == m.Unit)));
            q = missing ? (past ? lacking : q.Where(i => false)) : (past ? q.Where(i => !lacking.Any(l => l.Id == i.Id)) : q);
        }
        return q;
    }

    public async Task<KeysetPage<InstitutionRow>> PageAsync(FangkongDb db, InstitutionFilter f, long? after, int? size, CancellationToken ct)
    {
        var day = clock.Today;
        var page = await Keyset.PageAsync(Query(db, f, day), i => i.Id, after, size, ct);
        return new KeysetPage<InstitutionRow>(await RowsAsync(db, page.Items, day, ct), page.Next, page.Count, page.CountCapped);
    }

    private async Task<List<InstitutionRow>> RowsAsync(FangkongDb db, IReadOnlyList<Institution> items, DateOnly day, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var units = await UnitsAsync(db, clock, policy, db.Institutions.Where(i => ids.Contains(i.Id)), day, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return [.. items.Select(i =>
        {
            var u = units.GetValueOrDefault(i.Id) ?? [];
            return new InstitutionRow(i.Id, i.Name, i.Kind, InstitutionWords.Of(i.Kind), districts.GetValueOrDefault(i.DistrictCode) ?? i.DistrictCode, u.Sum(x => x.Members),
                u.Count, u.Count(x => x.Reported), u.Count(x => x.Missing), u.Sum(x => x.Fevers), IsClosed(i, day), i.ClosedSince, i.ResponsibleName);
        })];
    }

    /// <summary>The line list as CSV or XLSX, under the same filter.</summary>
    public async Task<(string Name, string ContentType, byte[] Content)> ExportAsync(FangkongDb db, InstitutionFilter f, string format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) throw new InputException("format", Messages.Get("Institutions.Format"));
        var day = clock.Today;
        var items = await Query(db, f, day).OrderByDescending(i => i.Id).Take(100_000).ToListAsync(ct);
        var rows = await RowsAsync(db, items, day, ct);
        TableColumn[] columns =
        [
            TableColumn.Identifier(Messages.Get("Institutions.Col.Id")), TableColumn.Text(Messages.Get("Institutions.Col.Name")), TableColumn.Text(Messages.Get("Institutions.Col.Kind")),
            TableColumn.Text(Messages.Get("Institutions.Col.District")), TableColumn.Quantity(Messages.Get("Institutions.Col.Members")), TableColumn.Quantity(Messages.Get("Institutions.Col.Units")),
            TableColumn.Quantity(Messages.Get("Institutions.Col.Reported")), TableColumn.Quantity(Messages.Get("Institutions.Col.Missing")), TableColumn.Quantity(Messages.Get("Institutions.Col.Fevers")),
            TableColumn.Text(Messages.Get("Institutions.Col.ClosedSince")), TableColumn.Text(Messages.Get("Institutions.Col.Responsible")),
        ];
        var cells = rows.Select(r => (IReadOnlyList<object?>)[r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.KindName, r.District, r.Members, r.Units,
            r.UnitsReported, r.UnitsMissing, r.Fevers, r.Closed ? r.ClosedSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, Masking.Name(r.ResponsibleName)]);
        return format == "csv"
            ? ("institutions.csv", "text/csv", await TableExport.CsvAsync(columns, cells, ct))
            : ("institutions.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await TableExport.XlsxAsync(Messages.Get("Institutions.Sheet"), columns, cells, ct));
    }

    /// <summary>Every unit of the area's institutions past the deadline without its day's report: the alert to the district.</summary>
    public async Task<IReadOnlyList<MissingRow>> MissingAsync(FangkongDb db, DateOnly? day, CancellationToken ct)
    {
        var d = day ?? clock.Today;
        var institutions = await Query(db, new InstitutionFilter { Missing = true }, d).ToListAsync(ct);
        var ids = institutions.Select(i => i.Id).ToList();
        var units = await UnitsAsync(db, clock, policy, db.Institutions.Where(i => ids.Contains(i.Id)), d, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        return [.. institutions.OrderBy(i => i.DistrictCode).ThenBy(i => i.Name, StringComparer.Ordinal).SelectMany(i => (units.GetValueOrDefault(i.Id) ?? []).Where(u => u.Missing)
            .Select(u => new MissingRow(i.Id, i.Name, i.Kind, districts.GetValueOrDefault(i.DistrictCode) ?? i.DistrictCode, u.Unit, u.Members, d, i.ResponsibleName,
                i.ResponsiblePhone is null ? null : Masking.Phone(i.ResponsiblePhone))))];
    }

    /// <summary>Fever referrals of a day (today by default) in the caller's area, newest first.</summary>
    public Task<IReadOnlyList<ReferralView>> FeversAsync(FangkongDb db, DateOnly? day, CancellationToken ct)
    {
        var d = day ?? clock.Today;
        return ReferralsAsync(db, clock, q => q.Where(f => f.Day == d), ct);
    }

    internal static async Task<IReadOnlyList<ReferralView>> ReferralsAsync(FangkongDb db, CityClock clock, Func<IQueryable<FeverReferral>, IQueryable<FeverReferral>> filter, CancellationToken ct)
    {
        var rows = await filter(db.FeverReferrals.AsNoTracking()).OrderByDescending(f => f.Id).Take(1000).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var institutionIds = rows.Select(r => r.InstitutionId).Distinct().ToList();
        var clinicIds = rows.Select(r => r.ClinicVenueId).OfType<long>().Distinct().ToList();
        Dictionary<long, string> names;
        using (db.WholeCity())
            names = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var institutions = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var clinics = await db.Venues.AsNoTracking().Where(v => clinicIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var sizes = await db.InstitutionMembers.AsNoTracking().Where(m => institutionIds.Contains(m.InstitutionId)).GroupBy(m => new { m.InstitutionId, m.Unit })
            .Select(g => new { g.Key.InstitutionId, g.Key.Unit, N = g.Count() }).ToDictionaryAsync(x => (x.InstitutionId, x.Unit), x => x.N, ct);
        return [.. rows.Select(r => new ReferralView(r.Id, r.InstitutionId, institutions.GetValueOrDefault(r.InstitutionId) ?? "", r.PersonId, Masking.Name(names.GetValueOrDefault(r.PersonId)),
            r.Unit, r.Day, r.Celsius, r.Symptoms, r.ClinicVenueId, r.ClinicVenueId is { } c ? clinics.GetValueOrDefault(c) : null,
            Math.Max(0, sizes.GetValueOrDefault((r.InstitutionId, r.Unit)) - 1)))];
    }

    /// <summary>A referral's contact list: the other members of the member's unit, masked (each person's page unmasks, audited), for tracing.</summary>
    public async Task<ContactListView> ContactsAsync(FangkongDb db, long referralId, CancellationToken ct)
    {
        var found = await ReferralsAsync(db, clock, q => q.Where(f => f.Id == referralId), ct);
        var referral = found.Count > 0 ? found[0] : throw new NotFoundException("id", Messages.Get("Institutions.NoSuchReferral"));
        var members = await db.InstitutionMembers.AsNoTracking().Where(m => m.InstitutionId == referral.InstitutionId && m.Unit == referral.Unit && m.PersonId != referral.PersonId)
            .Select(m => new { m.PersonId, m.Kind, m.Unit }).ToListAsync(ct);
        var ids = members.Select(m => m.PersonId).ToList();
        Dictionary<long, (string Name, string Number, string? Phone)> persons;
        using (db.WholeCity())
            persons = (await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.DocumentNumber, p.Phone }).ToListAsync(ct))
                .ToDictionary(p => p.Id, p => (p.Name, p.DocumentNumber, p.Phone));
        var rows = members.Select(m =>
        {
            var p = persons.GetValueOrDefault(m.PersonId);
            return new ContactRow(m.PersonId, Masking.Name(p.Name), Masking.DocumentNumber(p.Number), p.Phone is null ? null : Masking.Phone(p.Phone), m.Kind, m.Unit);
        }).OrderBy(r => r.PersonId).ToList();
        return new ContactListView(referral, rows);
    }

    /// <summary>The day's overview for the caller's area, and by district; every figure is the count of the list it links to.</summary>
    public async Task<InstitutionOverview> OverviewAsync(FangkongDb db, CancellationToken ct)
    {
        var day = clock.Today;
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(ct);
        var units = await UnitsAsync(db, clock, policy, db.Institutions, day, ct);
        var fevers = await db.FeverReferrals.AsNoTracking().Where(f => f.Day == day).GroupBy(f => f.InstitutionId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        DistrictDay Count(string code, string name, IEnumerable<Institution> of)
        {
            var list = of.ToList();
            var reporting = list.Count(i => units.GetValueOrDefault(i.Id) is { Count: > 0 } u && u.All(x => x.Reported));
            var missing = list.Count(i => units.GetValueOrDefault(i.Id)?.Any(x => x.Missing) == true);
            var due = list.Count(i => units.ContainsKey(i.Id));
            return new DistrictDay(code, name, list.Count, reporting, missing, ReportingRules.Rate(reporting, due), list.Sum(i => fevers.GetValueOrDefault(i.Id)), list.Count(i => IsClosed(i, day)));
        }
        var all = Count("", "", institutions);
        var byDistrict = districts.Select(d => Count(d.Code, d.Name, institutions.Where(i => i.DistrictCode == d.Code))).Where(d => d.Institutions > 0).ToList();
        return new InstitutionOverview(day, clock.ToUtc(ReportingRules.DeadlineOf(day, policy)), ReportingRules.IsMissing(day, clock.LocalNow, policy), all.Institutions,
            all.Reporting, all.Missing, all.Rate, all.Fevers, all.Closed, byDistrict);
    }
}
