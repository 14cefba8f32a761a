namespace Fangkong.Core.Accounts;

/// <summary>
/// Encrypts a secret before it is stored (a TOTP key) and decrypts it for use. The host provides it (ASP.NET Data
/// Protection in the web app), so keys stay outside the table that holds the secrets (ADR 0023).
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);
    string Unprotect(string protectedSecret);
}
