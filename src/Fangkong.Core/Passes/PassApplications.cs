using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Passes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>
/// Applications for passes, entered by a pass officer on an enterprise's, project's or transport company's behalf
/// (ADR 0041): every field checked, the first bad one named; the holder found in the registry by ID number when there.
/// The same idempotency key again answers with the pass it made.
/// </summary>
public sealed partial class PassApplications(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxName = 40, MaxText = 120, MaxDays = 90;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,64}$")]
    private static partial Regex KeyPattern();

    public async Task<PassView> ApplyAsync(FangkongDb db, long userId, PassApplication a, CancellationToken ct)
    {
        if (a.IdempotencyKey is null || !KeyPattern().IsMatch(a.IdempotencyKey)) throw new InputException("idempotencyKey", Messages.Get("Passes.Key"));
        var sourceKey = $"k:{userId}:{a.IdempotencyKey}";
        var earlier = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.SourceKey == sourceKey, ct);
        if (earlier is not null) return Same(earlier, a);

        if (a.Kind is not { } kind || !Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Passes.Kind"));
        var name = Text(a.HolderName, "holderName", MaxName, required: true)!;
        var check = ResidentIdNumber.Validate(a.HolderIdNumber, clock.Today);
        if (!check.IsValid) throw new InputException("holderIdNumber", Messages.Get(check.Error!));
        var idNumber = check.Id!.Value.ToString();
        var employer = Text(a.Employer, "employer", MaxText, required: true)!;
        var route = Text(a.Route, "route", MaxText, required: true)!;
        var cargo = Text(a.Cargo, "cargo", MaxText, required: kind == PassKind.Freight);
        string? plate = null;
        if (kind == PassKind.Freight)
        {
            plate = PassRules.NormalisePlate(a.Plate ?? "");
            if (plate.Length is < 5 or > 10) throw new InputException("plate", Messages.Get("Passes.Plate"));
            ControlCharacters.Check(plate, "plate");
        }
        if (a.ValidFrom is not { } from) throw new InputException("validFrom", Messages.Get("Passes.ValidFrom"));
        if (a.ValidTo is not { } to || !PassRules.ValidSpan(from, to, MaxDays)) throw new InputException("validTo", Messages.Get("Passes.ValidTo", MaxDays));
        if (to < clock.Today) throw new InputException("validTo", Messages.Get("Passes.ValidToPast"));

        var personId = await db.Persons.AsNoTracking().Where(p => p.DocumentNumber == idNumber).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        var pass = new Pass
        {
            Id = ids.Next(),
            Kind = kind,
            State = PassState.Applied,
            PersonId = personId,
            HolderName = name,
            HolderIdNumber = idNumber,
            Employer = employer,
            Route = route,
            Plate = plate,
            Cargo = cargo,
            ValidFrom = from,
            ValidTo = to,
            SourceKey = sourceKey,
            AppliedByUserId = userId,
            AppliedAtUtc = clock.UtcNow,
        };
        db.Passes.Add(pass);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two retries at once: the other's insert won the key; answer with its pass.
            db.ChangeTracker.Clear();
            var raced = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.SourceKey == sourceKey, ct);
            if (raced is null) throw;
            return Same(raced, a);
        }
        return PassView.Of(pass);
    }

    private static PassView Same(Pass earlier, PassApplication a)
    {
        if (a.Kind != earlier.Kind || a.HolderIdNumber?.Trim().ToUpperInvariant() != earlier.HolderIdNumber || a.ValidFrom != earlier.ValidFrom || a.ValidTo != earlier.ValidTo)
            throw new KeyReusedException("idempotencyKey", Messages.Get("Passes.KeyReused"));
        return PassView.Of(earlier);
    }

    internal static string? Text(string? value, string field, int max, bool required)
    {
        var s = value?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            if (required) throw new InputException(field, Messages.Get("Passes.Required"));
            return null;
        }
        if (s.Length > max) throw new InputException(field, Messages.Get("Passes.TooLong", max));
        ControlCharacters.Check(s, field);
        return s;
    }
}
