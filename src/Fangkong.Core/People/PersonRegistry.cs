using System.Text.RegularExpressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

public sealed record PersonInput(DocumentType? DocumentType, string? DocumentNumber, string? Name, string? Phone, long? HouseholdId, Sex? Sex, DateOnly? BirthDate);

/// <summary>Registers persons: the document is validated (GB 11643 for resident ID cards), the phone and household checked.</summary>
public sealed partial class PersonRegistry(TimeOrderedIds ids, CityClock clock)
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    public async Task<Person> RegisterAsync(FangkongDb db, PersonInput input, CancellationToken ct)
    {
        var type = input.DocumentType ?? DocumentType.ResidentIdCard;
        var (number, error) = IdentityDocument.Normalise(type, input.DocumentNumber, clock.Today);
        if (number is null) throw new InputException("documentNumber", Messages.Get(error!));
        var name = input.Name?.Trim();
        // 64 code points, as the column counts them on PostgreSQL: a rare character (CJK Ext B+) is one, not two UTF-16 units.
        if (string.IsNullOrEmpty(name) || name.EnumerateRunes().Count() > 64) throw new InputException("name", Messages.Get("People.NameRequired"));
        var phone = input.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !MobilePattern().IsMatch(phone))
            throw new InputException("phone", Messages.Get("People.Mobile"));
        if (input.HouseholdId is { } h && !await db.Households.AnyAsync(x => x.Id == h, ct))
            throw new InputException("householdId", Messages.Get("People.NoSuchHousehold"));
        if (await db.Persons.IgnoreQueryFilters().AnyAsync(p => p.DocumentNumber == number && p.DocumentType == type, ct))
            throw new ConflictException(Messages.Get("People.AlreadyRegistered"));

        var (district, community) = await HouseholdAreas.OfAsync(db, input.HouseholdId, ct);
        var parsed = type == DocumentType.ResidentIdCard && ResidentIdNumber.TryParse(number, clock.Today, out var rid) ? rid : (ResidentIdNumber?)null;
        var person = new Person
        {
            Id = ids.Next(),
            DocumentType = type,
            DocumentNumber = number,
            Name = name,
            Phone = string.IsNullOrEmpty(phone) ? null : phone,
            HouseholdId = input.HouseholdId,
            DistrictCode = district,
            CommunityId = community,
            Sex = parsed?.Sex ?? input.Sex ?? Sex.Male,
            BirthDate = parsed?.BirthDate ?? input.BirthDate,
            Token = PersonTokens.New(),
            CreatedAtUtc = clock.UtcNow,
        };
        db.Persons.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }
}
