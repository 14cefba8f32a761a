using Fangkong.Core.Audit;
using Fangkong.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Core.Data;

/// <summary>
/// What the audit log takes from outside the act when an entry is saved: the officer's name and role from their account
/// (so every feature records them alike, and a later change of role does not rewrite history), and the operator's
/// <see cref="AuditPolicy"/> for alarms — from the application's services, as the context is made by the host's factory.
/// </summary>
internal static class AuditActors
{
    private static readonly AuditPolicy Defaults = new();

    public static async Task FillAsync(FangkongDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        if (ids.Count == 0) return;
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.Role }).ToDictionaryAsync(u => u.Id, ct);
        foreach (var e in entries)
        {
            if (e.ActorUserId is not { } id || !users.TryGetValue(id, out var u)) continue;
            e.ActorName = u.DisplayName.Length > 0 ? u.DisplayName : u.UserName;
            e.ActorRole = u.Role;
        }
    }

    public static AuditPolicy Policy(FangkongDb db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<AuditPolicy>() ?? Defaults;
}
