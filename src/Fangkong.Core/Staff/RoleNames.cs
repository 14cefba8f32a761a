using Fangkong.Core.Accounts;
using Fangkong.Core.Common;

namespace Fangkong.Core.Staff;

/// <summary>Roles as an administrator writes them in a file or form: the role's code, its English or its Chinese name.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["门岗"] = Roles.GateOperator,
        ["gate operator"] = Roles.GateOperator,
        ["场所负责人"] = Roles.VenueManager,
        ["venue manager"] = Roles.VenueManager,
        ["流调员"] = Roles.Epidemiologist,
        ["管理员"] = Roles.Administrator,
        ["采样员"] = Roles.Sampler,
        ["检测员"] = Roles.LabTechnician,
        ["lab technician"] = Roles.LabTechnician,
        ["指挥部"] = Roles.Commander,
        ["command center"] = Roles.Commander,
        ["command"] = Roles.Commander,
        ["网格员"] = Roles.GridWorker,
        ["grid worker"] = Roles.GridWorker,
        ["社区干部"] = Roles.CommunityOfficer,
        ["community officer"] = Roles.CommunityOfficer,
        ["供应商"] = Roles.Supplier,
        ["热线话务员"] = Roles.HotlineOperator,
        ["hotline operator"] = Roles.HotlineOperator,
        ["卡口工作人员"] = Roles.CheckpointStaff,
        ["checkpoint staff"] = Roles.CheckpointStaff,
        ["通行证审批员"] = Roles.PassOfficer,
        ["pass officer"] = Roles.PassOfficer,
        ["督查员"] = Roles.Inspector,
        ["督查组长"] = Roles.Supervisor,
    };

    private static readonly char[] Separators = ['、', ',', '，', ';', '；', '|'];

    /// <summary>One or more staff roles ("网格员、采样员"); residents register themselves and are not staff.</summary>
    public static IReadOnlyList<string> Parse(string field, string? text)
    {
        var roles = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => One(field, r)).Distinct().ToList();
        return roles.Count > 0 ? roles : throw new InputException(field, Messages.Get("Staff.Role.Required"));
    }

    public static IReadOnlyList<string> Check(string field, IEnumerable<string>? roles) => Parse(field, string.Join('|', roles ?? []));

    private static string One(string field, string name)
    {
        var role = Names.TryGetValue(name, out var r) ? r : Roles.All.FirstOrDefault(x => x.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (role is null || role == Roles.Resident) throw new InputException(field, Messages.Get("Staff.Role.Unknown", name));
        return role;
    }
}
