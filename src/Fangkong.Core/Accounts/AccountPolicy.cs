using Microsoft.Extensions.Configuration;

namespace Fangkong.Core.Accounts;

/// <summary>
/// <c>Policy:Accounts</c>: lock-out, the sign-in rate limit and the second factor (ADR 0023). Lock-out is stored on the
/// account, so it holds across instances.
/// </summary>
public sealed record AccountPolicy
{
    /// <summary>Failed sign-ins within <see cref="FailureWindowMinutes"/> that lock the account.</summary>
    public int MaxFailures { get; init; } = 5;
    public int FailureWindowMinutes { get; init; } = 15;
    public int LockoutMinutes { get; init; } = 15;
    /// <summary>Sign-in and registration attempts per client address per minute (429 beyond).</summary>
    public int SignInsPerMinute { get; init; } = 20;
    /// <summary>Accounts in a role of <see cref="Roles.ReadPersonalData"/> give a TOTP code at sign-in (enrolling first).</summary>
    public bool RequireTotp { get; init; } = true;
    /// <summary>How long an instance trusts an account's stamp without reading the store (ADR 0023): the bound on how late another instance's change counts.</summary>
    public int StampCacheSeconds { get; init; } = 10;

    /// <summary>
    /// Reads the section; <c>RequireTotp</c> defaults to on everywhere except the demo (<c>Demo:SeedOnStart</c>), whose
    /// published accounts have no authenticator behind them.
    /// </summary>
    public static AccountPolicy Read(IConfiguration config)
    {
        var policy = config.GetSection("Policy:Accounts").Get<AccountPolicy>() ?? new AccountPolicy();
        var explicitTotp = config.GetValue<bool?>("Policy:Accounts:RequireTotp");
        return policy with { RequireTotp = explicitTotp ?? !config.GetValue("Demo:SeedOnStart", true) };
    }
}
