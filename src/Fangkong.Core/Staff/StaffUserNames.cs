using System.Globalization;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Staff;

/// <summary>
/// User names for new staff: the primary role's prefix and a running number ("grid-0042"), never a name or a phone,
/// so a user name in a log or an audit row gives away nobody (ADR 0023). Numbers continue from the highest in use.
/// </summary>
internal sealed class StaffUserNames
{
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

    public static string PrefixOf(string role) => role switch
    {
        Roles.GateOperator => "gate",
        Roles.VenueManager => "venue",
        Roles.Epidemiologist => "epi",
        Roles.Administrator => "admin",
        Roles.Sampler => "sampler",
        Roles.LabTechnician => "lab",
        Roles.Commander => "command",
        Roles.GridWorker => "grid",
        Roles.CommunityOfficer => "officer",
        Roles.Supplier => "supplier",
        Roles.HotlineOperator => "hotline",
        Roles.CheckpointStaff => "checkpoint",
        Roles.PassOfficer => "passes",
        Roles.Inspector => "inspector",
        Roles.Supervisor => "supervisor",
        _ => "staff",
    };

    /// <summary>Reads the highest number in use for each prefix these roles need (one query per prefix).</summary>
    public static async Task<StaffUserNames> LoadAsync(FangkongDb db, IEnumerable<string> primaryRoles, CancellationToken ct)
    {
        var names = new StaffUserNames();
        foreach (var prefix in primaryRoles.Select(PrefixOf).Distinct())
        {
            var start = prefix + "-";
            var used = await db.Users.Where(u => u.UserName.StartsWith(start)).Select(u => u.UserName).ToListAsync(ct);
            names._next[prefix] = used.Select(u => int.TryParse(u.AsSpan(start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .DefaultIfEmpty(0).Max() + 1;
        }
        return names;
    }

    public string Next(string primaryRole)
    {
        var prefix = PrefixOf(primaryRole);
        var n = _next[prefix]++;
        return $"{prefix}-{n.ToString("D4", CultureInfo.InvariantCulture)}";
    }
}
