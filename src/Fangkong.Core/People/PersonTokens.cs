using System.Security.Cryptography;

namespace Fangkong.Core.People;

/// <summary>The opaque token a health-code QR carries instead of the ID number: 128 random bits, URL-safe.</summary>
public static class PersonTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
