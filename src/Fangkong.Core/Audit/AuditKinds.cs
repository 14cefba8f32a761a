namespace Fangkong.Core.Audit;

/// <summary>The kinds of act the audit log records.</summary>
public static class AuditKinds
{
    /// <summary>A read of personal data: a trajectory, a venue's log, a revealed line list, a community record.</summary>
    public const string Read = "read";
    /// <summary>An export of a list or a log (a file leaves the platform).</summary>
    public const string Export = "export";
    /// <summary>A person's colour changed (by a rule, or by an approved manual colour).</summary>
    public const string Colour = "colour";
    /// <summary>A manual colour requested, approved, rejected or revoked by an officer.</summary>
    public const string ManualColour = "manual-colour";
    /// <summary>An account created, disabled or changed, its role or jurisdiction changed (account administration).</summary>
    public const string Account = "account";

    public static readonly IReadOnlyList<string> All = [Read, Export, Colour, ManualColour, Account];
}

/// <summary>The kinds of alarm.</summary>
public static class AuditAlarmKinds
{
    /// <summary>One officer read or changed more persons than the policy allows in its window.</summary>
    public const string Volume = "volume";
    /// <summary>One officer filed more manual colour requests than the policy allows in its window.</summary>
    public const string BulkManual = "bulk-manual";
    /// <summary>A manual colour approved whose reason names no case, test or other fact.</summary>
    public const string Unfounded = "unfounded";
    /// <summary>An export outside working hours, city time.</summary>
    public const string OddHourExport = "odd-hour-export";

    public static readonly IReadOnlyList<string> All = [Volume, BulkManual, Unfounded, OddHourExport];
}
