using System.Security.Cryptography;

namespace Fangkong.Core.Staff;

/// <summary>
/// One-time passwords for new and reset accounts: 12 characters from 55 that cannot be misread (no 0/O, 1/l/I), about
/// 69 random bits. Shown once to the administrator and never stored in clear; spent at the first sign-in.
/// </summary>
public static class InitialPasswords
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 12);
}
