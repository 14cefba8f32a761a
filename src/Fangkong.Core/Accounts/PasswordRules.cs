using Fangkong.Core.Common;

namespace Fangkong.Core.Accounts;

/// <summary>A password someone chooses: at least <see cref="MinLength"/> characters, not the user name, not the one it replaces.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static void Check(string field, string? password, string userName, string? currentHash)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            throw new InputException(field, Messages.Get("Accounts.Password.TooShort", MinLength));
        if (password.Length > MaxLength) throw new InputException(field, Messages.Get("Accounts.Password.TooLong", MaxLength));
        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            throw new InputException(field, Messages.Get("Accounts.Password.HasUserName"));
        if (currentHash is not null && PasswordHasher.Verify(password, currentHash))
            throw new InputException(field, Messages.Get("Accounts.Password.Same"));
    }
}
