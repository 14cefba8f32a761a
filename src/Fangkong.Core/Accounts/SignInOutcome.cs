namespace Fangkong.Core.Accounts;

/// <summary>What a sign-in still needs before the account may do anything its roles allow.</summary>
public enum SignInStep
{
    /// <summary>Signed in with every role.</summary>
    Done,
    /// <summary>A TOTP code is due (the account is enrolled).</summary>
    TotpCode,
    /// <summary>A new or reset account: choose a password first.</summary>
    SetPassword,
    /// <summary>A role that reads personal data and no authenticator yet: enrol first.</summary>
    EnrolTotp,
}

public enum SignInFailure
{
    /// <summary>Wrong user name or password (one answer for both).</summary>
    WrongPassword,
    WrongCode,
    Locked,
    Disabled,
}

/// <summary>The account (with every role it holds) and the next step; or why not, and until when when locked.</summary>
public sealed record SignInOutcome(User? User, IReadOnlyList<string> Roles, SignInStep Step, SignInFailure? Failure, DateTime? LockedUntilUtc)
{
    public static SignInOutcome Failed(SignInFailure failure, DateTime? lockedUntil = null) => new(null, [], SignInStep.Done, failure, lockedUntil);
}
