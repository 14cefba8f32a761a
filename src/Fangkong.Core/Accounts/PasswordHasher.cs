using System.Security.Cryptography;

namespace Fangkong.Core.Accounts;

/// <summary>
/// PBKDF2-SHA256 password hashes: "pbkdf2$iterations$salt$hash" (base64). The count is stored with each hash, so hashes
/// made with an older count still verify (ADR 0023).
/// </summary>
public static class PasswordHasher
{
    /// <summary>For passwords people choose: OWASP's figure for PBKDF2-HMAC-SHA256 (ADR 0023).</summary>
    public const int Iterations = 600_000;

    /// <summary>
    /// For one-time passwords the platform draws (about 70 random bits): stretching adds nothing a guesser could feel,
    /// and a team of 2,000 is hashed in a second instead of minutes.
    /// </summary>
    public const int RandomSecretIterations = 1_000;

    public static string Hash(string password) => Hash(password, Iterations);

    public static string HashRandomSecret(string secret) => Hash(secret, RandomSecretIterations);

    /// <summary>With a count of the caller's choosing: for fixtures whose password is published anyway (test scenarios).</summary>
    public static string Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
