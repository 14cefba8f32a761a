using System.Globalization;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;

namespace Fangkong.Core.Audit;

/// <summary>The entries each kind of act writes, so every feature records the same fields the same way.</summary>
public static class AuditEntries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A read of personal data (a trajectory, a venue's log, a revealed list, a community record); an action naming an
    /// export ("trajectory-export", "export:cases") is recorded as an export. The purpose is the one typed, or the
    /// platform's own as a message.
    /// </summary>
    public static AuditEntry Read(TimeOrderedIds ids, DateTime atUtc, long actorUserId, string actorName, string action,
        long? personId, long? venueId, string purpose, Message? platformPurpose) => new()
        {
            Id = ids.Next(),
            AtUtc = atUtc,
            Kind = action.Contains("export", StringComparison.Ordinal) ? AuditKinds.Export : AuditKinds.Read,
            Action = Cut(action, 60),
            ActorUserId = actorUserId,
            ActorName = Cut(actorName, 200),
            PersonId = personId,
            VenueId = venueId,
            Purpose = platformPurpose is null ? Cut(purpose, 500) : "",
            PurposeKey = platformPurpose is null ? null : Cut(JsonSerializer.Serialize(new StoredMessage(platformPurpose.Key, [.. platformPurpose.Args]), Json), 500),
        };

    /// <summary>An export requested (a file of a list leaves the platform), revealed or masked.</summary>
    public static AuditEntry Export(TimeOrderedIds ids, DateTime atUtc, long actorUserId, string actorName, string list, bool revealed,
        string? purpose, string reference) => new()
        {
            Id = ids.Next(),
            AtUtc = atUtc,
            Kind = AuditKinds.Export,
            Action = Cut((revealed ? "export-revealed:" : "export:") + list, 60),
            ActorUserId = actorUserId,
            ActorName = Cut(actorName, 200),
            Purpose = Cut(purpose ?? "", 500),
            Reference = Cut(reference, 1000),
        };

    /// <summary>A person's colour changed by a rule (no officer: the rule and its evidence say why).</summary>
    public static AuditEntry Colour(TimeOrderedIds ids, DateTime atUtc, long personId, string from, string to, string rule, string evidence) => new()
    {
        Id = ids.Next(),
        AtUtc = atUtc,
        Kind = AuditKinds.Colour,
        Action = Cut(rule, 60),
        PersonId = personId,
        Reference = Cut(evidence, 1000),
        Detail = from + "→" + to,
    };

    /// <summary>A manual colour requested, approved, rejected or revoked: the officer, the person, the reason, the request.</summary>
    public static AuditEntry ManualColour(TimeOrderedIds ids, DateTime atUtc, long actorUserId, string action, long personId, string reason,
        long requestId, string detail) => new()
        {
            Id = ids.Next(),
            AtUtc = atUtc,
            Kind = AuditKinds.ManualColour,
            Action = Cut(action, 60),
            ActorUserId = actorUserId,
            PersonId = personId,
            Purpose = Cut(reason, 500),
            Reference = "manual:" + requestId.ToString(CultureInfo.InvariantCulture),
            Detail = Cut(detail, 500),
        };

    /// <summary>
    /// An account created, disabled or changed (its roles, its jurisdiction), for account administration: the officer,
    /// the account changed ("user:5"), and what changed ("role: sampler→administrator").
    /// </summary>
    public static AuditEntry Account(TimeOrderedIds ids, DateTime atUtc, long actorUserId, string action, long subjectUserId, string detail,
        long? personId = null) => new()
        {
            Id = ids.Next(),
            AtUtc = atUtc,
            Kind = AuditKinds.Account,
            Action = Cut(action, 60),
            ActorUserId = actorUserId,
            PersonId = personId,
            Reference = "user:" + subjectUserId.ToString(CultureInfo.InvariantCulture),
            Detail = Cut(detail, 500),
        };

    /// <summary>The platform's purpose of an entry, or null when the officer typed one.</summary>
    public static Message? PlatformPurpose(AuditEntry e)
    {
        if (e.PurposeKey is null) return null;
        var stored = JsonSerializer.Deserialize<StoredMessage>(e.PurposeKey, Json);
        return stored is null ? null : new Message(stored.Key, stored.Args ?? []);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed record StoredMessage(string Key, string[]? Args);
}
