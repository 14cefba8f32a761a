using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>An institution as an officer enters it (or a row of an imported list): everything checked before anything is written.</summary>
public sealed record InstitutionForm(
    string? Name,
    InstitutionKind? Kind,
    string? DistrictCode,
    long? CommunityId,
    string? Address,
    int? Staff,
    int? Students,
    int? Residents,
    int? Beds,
    string? ResponsibleName,
    string? ResponsiblePhone,
    string? PreventionPlan);

/// <summary>Registers institutions one by one and keeps their details and closed management (issue 23 parts 1 and 4).</summary>
public sealed class InstitutionRegistry(TimeOrderedIds ids, CityClock clock, InstitutionPolicy policy)
{
    public const int MaxName = 100, MaxText = 200, MaxPerson = 50, MaxPlan = 4000, MaxUnit = 40, MaxSize = 1_000_000;

    public async Task<InstitutionView> CreateAsync(FangkongDb db, InstitutionForm f, CancellationToken ct)
    {
        var institution = await CheckAsync(db, f, null, ct);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        return await InstitutionReads.OneAsync(db, clock, policy, institution.Id, ct);
    }

    /// <summary>Checks a form into a new institution (not yet added); <paramref name="sourceKey"/> keys an import's row.</summary>
    internal async Task<Institution> CheckAsync(FangkongDb db, InstitutionForm f, string? sourceKey, CancellationToken ct)
    {
        var name = Text(f.Name, "name", MaxName, required: true)!;
        if (f.Kind is not { } kind || !Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Institutions.Kind"));
        var district = f.DistrictCode?.Trim() ?? "";
        if (district.Length == 0 || !await db.Districts.AnyAsync(d => d.Code == district, ct))
            throw new InputException("districtCode", Messages.Get("Institutions.District"));
        // An account confined to a district registers only its own district's institutions.
        if (db.Area?.DistrictCode is { } own && own != district) throw new InputException("districtCode", Messages.Get("Institutions.DistrictNotYours"));
        if (f.CommunityId is { } community
            && !await db.Communities.AnyAsync(c => c.Id == community && db.Streets.Any(s => s.Id == c.StreetId && s.DistrictCode == district), ct))
            throw new InputException("communityId", Messages.Get("Institutions.Community"));
        var responsible = Text(f.ResponsibleName, "responsibleName", MaxPerson, required: true)!;
        var phone = string.IsNullOrWhiteSpace(f.ResponsiblePhone) ? null : Accounts.Phones.Normalise("responsiblePhone", f.ResponsiblePhone);
        return new Institution
        {
            Id = ids.Next(),
            Name = name,
            Kind = kind,
            DistrictCode = district,
            CommunityId = f.CommunityId,
            Address = Text(f.Address, "address", MaxText, required: false),
            Staff = Size(f.Staff, "staff"),
            Students = Size(f.Students, "students"),
            Residents = Size(f.Residents, "residents"),
            Beds = Size(f.Beds, "beds"),
            ResponsibleName = responsible,
            ResponsiblePhone = phone,
            PreventionPlan = Text(f.PreventionPlan, "preventionPlan", MaxPlan, required: false, multiline: true),
            SourceKey = sourceKey,
            CreatedAtUtc = clock.UtcNow,
        };
    }

    /// <summary>Closed management begins (a nursing home or child welfare institution only) on a day, with its shift length; or ends.</summary>
    public async Task<InstitutionView> CloseAsync(FangkongDb db, long id, InstitutionClosure body, CancellationToken ct)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Institutions.NotFound"));
        if (body.Closed)
        {
            if (!InstitutionKinds.MayClose(institution.Kind)) throw new InputException("closed", Messages.Get("Institutions.MayNotClose"));
            var since = body.Since ?? clock.Today;
            PlausibleDates.Check(since, "since");
            if (since > clock.Today.AddDays(7)) throw new InputException("since", Messages.Get("Institutions.SinceTooLate"));
            if (body.ShiftDays is { } days && days is < 1 or > 60) throw new InputException("shiftDays", Messages.Get("Institutions.ShiftDays", 1, 60));
            institution.ClosedSince = since;
            institution.ClosedUntil = null;
            institution.ShiftDays = body.ShiftDays ?? policy.ShiftDays;
        }
        else if (institution.ClosedSince is not null && institution.ClosedUntil is null)
        {
            institution.ClosedUntil = clock.Today;
        }
        await db.SaveChangesAsync(ct);
        return await InstitutionReads.OneAsync(db, clock, policy, id, ct);
    }

    internal static string? Text(string? value, string field, int max, bool required, bool multiline = false)
    {
        var t = value?.Trim() ?? "";
        if (t.Length == 0)
        {
            if (required) throw new InputException(field, Messages.Get("Institutions.Required"));
            return null;
        }
        if (t.Length > max) throw new InputException(field, Messages.Get("Institutions.TooLong", max));
        ControlCharacters.Check(multiline ? t.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal) : t, field);
        return t;
    }

    private static int Size(int? value, string field) =>
        value is null ? 0 : value is < 0 or > MaxSize ? throw new InputException(field, Messages.Get("Institutions.Size", MaxSize)) : value.Value;
}

/// <summary>Closed management begun (with its first day and shift length) or ended.</summary>
public sealed record InstitutionClosure(bool Closed, DateOnly? Since, int? ShiftDays);
