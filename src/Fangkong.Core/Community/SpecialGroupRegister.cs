using System.Globalization;
using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.People;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Community;

public sealed record SpecialGroupRequest(long? PersonId, string? DocumentNumber, SpecialGroup? Group, string? ResponsibleName, string? ResponsiblePhone, string? Note);

public sealed record SpecialGroupFilter(SpecialGroup? Group, long? CommunityId, long? GridId, string? Q);

/// <summary>A register row as lists show it: the person masked, their door, the group and who is responsible.</summary>
public sealed record SpecialGroupView(long Id, long PersonId, string Name, Domain.People.Sex Sex, int? Age, SpecialGroup Group, string? Address,
    long CommunityId, string Community, long? GridId, string? Grid, string ResponsibleName, string? ResponsiblePhone, string? Note, DateTime RegisteredAtUtc);

/// <summary>
/// The special-groups register (domain.md §8): elderly living alone, bedridden, disabled, low-income, veterans, pregnant,
/// dialysis and chemotherapy patients, registered per person by community workers, each with the worker responsible
/// ("一人一策"). Registering a group whose members cannot come down keeps the person's "immobile" sampling marker, so
/// the next round samples them at home; ending the last such registration removes it.
/// </summary>
public sealed partial class SpecialGroupRegister(TimeOrderedIds ids, CityClock clock)
{
    public async Task<SpecialGroupView> RegisterAsync(FangkongDb db, CommunityScope scope, SpecialGroupRequest body, CancellationToken ct)
    {
        scope.EnsureMayWrite();
        var group = body.Group is { } g && Enum.IsDefined(g) ? g : throw new InputException("group", Messages.Get("Community.Special.GroupRequired"));
        var responsible = body.ResponsibleName?.Trim();
        if (string.IsNullOrEmpty(responsible) || responsible.Length > 64) throw new InputException("responsibleName", Messages.Get("Community.Special.ResponsibleRequired"));
        var phone = Screenings.Trim(body.ResponsiblePhone);
        if (phone is not null && !Phone().IsMatch(phone)) throw new InputException("responsiblePhone", Messages.Get("Community.Special.BadPhone"));
        var note = Screenings.Trim(body.Note);
        if (note is { Length: > 500 }) throw new InputException("note", Messages.Get("Community.Screening.TooLong", 500));
        var (personId, householdId) = await PersonAsync(db, body, ct);
        var household = householdId is { } h
            ? await scope.Households(db).AsNoTracking().FirstOrDefaultAsync(x => x.HouseholdId == h, ct)
            : null;
        // A person outside the caller's area is as unknown as one who does not exist.
        if (household is null) throw new NotFoundException(body.PersonId is null ? "documentNumber" : "personId", Messages.Get("Community.Special.NoSuchPerson"));
        if (await db.SpecialGroupMembers.AnyAsync(m => m.PersonId == personId && m.Group == group && m.EndedAtUtc == null, ct))
            throw new ConflictException(Messages.Get("Community.Special.Already"), "AlreadyRegistered");
        var member = new SpecialGroupMember
        {
            Id = ids.Next(),
            PersonId = personId,
            Group = group,
            CommunityId = household.CommunityId,
            GridId = household.GridId,
            ResponsibleName = responsible,
            ResponsiblePhone = phone,
            Note = note,
            RegisteredByUserId = scope.UserId,
            RegisteredAtUtc = clock.UtcNow,
        };
        db.SpecialGroupMembers.Add(member);
        if (SpecialGroups.SampledAtHome(group) && !await db.PersonMarkers.AnyAsync(m => m.PersonId == personId && m.Kind == MarkerKind.Immobile, ct))
            db.PersonMarkers.Add(new PersonMarker { PersonId = personId, Kind = MarkerKind.Immobile });
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, db.SpecialGroupMembers.Where(m => m.Id == member.Id), clock.Today, ct))[0];
    }

    /// <summary>Ends a registration (the person recovered, moved or died); the row stays as the record.</summary>
    public async Task EndAsync(FangkongDb db, CommunityScope scope, long id, CancellationToken ct)
    {
        scope.EnsureOfficer();
        var member = await scope.SpecialGroups(db).FirstOrDefaultAsync(m => m.Id == id && m.EndedAtUtc == null, ct)
            ?? throw new NotFoundException("id", Messages.Get("Community.Special.NotFound"));
        member.EndedAtUtc = clock.UtcNow;
        member.EndedByUserId = scope.UserId;
        if (SpecialGroups.SampledAtHome(member.Group))
        {
            var homeGroups = SpecialGroups.All.Where(SpecialGroups.SampledAtHome).ToList();
            var stillAtHome = await db.SpecialGroupMembers.AnyAsync(m => m.PersonId == member.PersonId && m.Id != id && m.EndedAtUtc == null && homeGroups.Contains(m.Group), ct);
            if (!stillAtHome) await db.PersonMarkers.Where(m => m.PersonId == member.PersonId && m.Kind == MarkerKind.Immobile).ExecuteDeleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One page of the register, newest registration first, continued by key like the line lists; the read is audited.</summary>
    public async Task<KeysetPage<SpecialGroupView>> PageAsync(FangkongDb db, CommunityScope scope, SpecialGroupFilter f, long? after, int? size, CancellationToken ct)
    {
        var q = Query(db, scope, f);
        var keys = await Keyset.PageAsync(q.Select(m => m.Id), id => id, after, size, ct);
        var items = await ViewsAsync(db, db.SpecialGroupMembers.Where(m => keys.Items.Contains(m.Id)), clock.Today, ct);
        CommunityAudit.List(db, ids, scope, CommunityAudit.RegisterKind, Purpose(f), clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return new KeysetPage<SpecialGroupView>(items.OrderByDescending(v => v.Id).ToList(), keys.Next, keys.Count, keys.CountCapped);
    }

    /// <summary>The most rows one export writes: a city-wide register is exported a community at a time.</summary>
    public const int MaxExport = 50_000;

    /// <summary>
    /// The register under a filter as a CSV or XLSX file, masked like the page, in the reader's language; the export is
    /// audited like a page read.
    /// </summary>
    public async Task<(string Name, string ContentType, byte[] Content)> ExportAsync(FangkongDb db, CommunityScope scope, SpecialGroupFilter f, string format,
        CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) throw new InputException("format", Messages.Get("Community.Special.Format"));
        var q = Query(db, scope, f);
        var count = await q.Take(MaxExport + 1).CountAsync(ct);
        if (count > MaxExport) throw new InputException("communityId", Messages.Get("Community.Special.TooMany", MaxExport));
        var rows = await ViewsAsync(db, q.OrderBy(m => m.CommunityId).ThenBy(m => m.GridId).ThenBy(m => m.PersonId), clock.Today, ct);
        CommunityAudit.List(db, ids, scope, CommunityAudit.RegisterKind, "export " + Purpose(f), clock.UtcNow);
        await db.SaveChangesAsync(ct);
        TableColumn[] columns =
        [
            TableColumn.Text(Messages.Get("Community.Column.Name")), TableColumn.Text(Messages.Get("Community.Column.Sex")),
            TableColumn.Quantity(Messages.Get("Community.Column.Age")), TableColumn.Text(Messages.Get("Community.Column.Group")),
            TableColumn.Text(Messages.Get("Community.Column.Community")), TableColumn.Text(Messages.Get("Community.Column.Grid")),
            TableColumn.Text(Messages.Get("Community.Column.Address")), TableColumn.Text(Messages.Get("Community.Column.Responsible")),
            TableColumn.Identifier(Messages.Get("Community.Column.Phone")), TableColumn.Text(Messages.Get("Community.Column.Note")),
            TableColumn.Text(Messages.Get("Community.Column.Registered")),
        ];
        var cells = rows.OrderBy(r => r.CommunityId).ThenBy(r => r.GridId).ThenBy(r => r.PersonId).Select(r => (IReadOnlyList<object?>)
        [
            r.Name, Messages.Get(Key("Community.Sex", r.Sex)), r.Age, Messages.Get(Key("Community.Group", r.Group)), r.Community, r.Grid, r.Address,
            r.ResponsibleName, r.ResponsiblePhone, r.Note, clock.ToLocal(r.RegisteredAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ]);
        var name = "special-groups." + format;
        return format == "csv"
            ? (name, "text/csv; charset=utf-8", await TableExport.CsvAsync(columns, cells, ct))
            : (name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await TableExport.XlsxAsync(Messages.Get("Community.Column.Sheet"), columns, cells, ct));
    }

    /// <summary>An enum value's word: "Community.Group" and Bedridden make "Community.Group.Bedridden".</summary>
    private static string Key<TEnum>(string prefix, TEnum value) where TEnum : struct, Enum => prefix + "." + value;

    /// <summary>The active registrations a filter selects within the caller's area.</summary>
    public static IQueryable<SpecialGroupMember> Query(FangkongDb db, CommunityScope scope, SpecialGroupFilter f)
    {
        LineFilters.Defined(f.Group, "group");
        var q = scope.SpecialGroups(db).AsNoTracking().Where(m => m.EndedAtUtc == null);
        if (f.Group is { } g) q = q.Where(m => m.Group == g);
        if (f.CommunityId is { } c) q = q.Where(m => m.CommunityId == c);
        if (f.GridId is { } grid) q = q.Where(m => m.GridId == grid);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var persons = PersonSearch.Apply(db.Persons, f.Q).Select(p => p.Id);
            q = q.Where(m => persons.Contains(m.PersonId));
        }
        return q;
    }

    /// <summary>Register rows as views, masked, in a fixed number of queries.</summary>
    public static async Task<IReadOnlyList<SpecialGroupView>> ViewsAsync(FangkongDb db, IQueryable<SpecialGroupMember> rows, DateOnly today, CancellationToken ct)
    {
        var list = await (from m in rows
                          join p in db.Persons on m.PersonId equals p.Id
                          join c in db.Communities on m.CommunityId equals c.Id
                          select new { m, p.Name, p.Sex, p.BirthDate, p.HouseholdId, Community = c.Name }).ToListAsync(ct);
        var gridIds = list.Where(r => r.m.GridId != null).Select(r => r.m.GridId!.Value).Distinct().ToList();
        var grids = await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var addresses = await PersonDirectory.AddressesAsync(db, list.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId!.Value).Distinct().ToList(), ct);
        return list.Select(r => new SpecialGroupView(r.m.Id, r.m.PersonId, Domain.People.Masking.Name(r.Name), r.Sex, HouseholdFacts.Age(r.BirthDate, today), r.m.Group,
            r.HouseholdId is { } h ? addresses.GetValueOrDefault(h) : null, r.m.CommunityId, r.Community, r.m.GridId,
            r.m.GridId is { } g ? grids.GetValueOrDefault(g) : null, r.m.ResponsibleName, r.m.ResponsiblePhone, r.m.Note, r.m.RegisteredAtUtc)).ToList();
    }

    private async Task<(long Person, long? Household)> PersonAsync(FangkongDb db, SpecialGroupRequest body, CancellationToken ct)
    {
        if (body.PersonId is { } id)
            return await db.Persons.Where(p => p.Id == id).Select(p => new { p.Id, p.HouseholdId }).FirstOrDefaultAsync(ct) is { } found
                ? (found.Id, found.HouseholdId)
                : throw new NotFoundException("personId", Messages.Get("Community.Special.NoSuchPerson"));
        var number = body.DocumentNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number)) throw new InputException("personId", Messages.Get("Community.Special.PersonRequired"));
        return await db.Persons.Where(p => p.DocumentNumber == number).Select(p => new { p.Id, p.HouseholdId }).FirstOrDefaultAsync(ct) is { } byNumber
            ? (byNumber.Id, byNumber.HouseholdId)
            : throw new NotFoundException("documentNumber", Messages.Get("Community.Special.NoSuchPerson"));
    }

    private static string Purpose(SpecialGroupFilter f) => string.Create(CultureInfo.InvariantCulture,
        $"register group:{f.Group?.ToString() ?? "*"} community:{f.CommunityId?.ToString(CultureInfo.InvariantCulture) ?? "*"} grid:{f.GridId?.ToString(CultureInfo.InvariantCulture) ?? "*"}");

    [GeneratedRegex(@"^[0-9+\- ]{5,20}$")]
    private static partial Regex Phone();
}
