using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Domain.People;

namespace Fangkong.Core.Staff;

/// <summary>A staff account as an administrator describes it (a form or a file's row), before its checks.</summary>
public sealed record NewStaff(string? Name, string? Phone, string? IdNumber, IReadOnlyList<string>? Roles, string? Area);

/// <summary>A row that passed its own checks: the fields normalised, the roles parsed (the area is resolved against the store apart).</summary>
internal sealed record CheckedStaff(string Name, string Phone, string IdNumber, IReadOnlyList<string> Roles);

internal static class StaffChecks
{
    /// <summary>The first thing wrong with the row, as (field, reason); or the normalised row.</summary>
    public static (CheckedStaff? Staff, string? Field, string? Reason) Check(NewStaff s, DateOnly today)
    {
        try
        {
            var name = s.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 64 || name.Any(char.IsControl))
                return (null, "name", Messages.Get("Staff.Name.Invalid"));
            var phone = Phones.Normalise("phone", s.Phone);
            var id = ResidentIdNumber.Validate(s.IdNumber, today);
            if (!id.IsValid) return (null, "idNumber", Messages.Get(id.Error!));
            var roles = RoleNames.Check("roles", s.Roles);
            return (new CheckedStaff(name, phone, id.Id!.Value.Value, roles), null, null);
        }
        catch (InputException e)
        {
            return (null, e.Field, e.Message);
        }
    }
}
