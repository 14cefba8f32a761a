using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tests.Seeding;

/// <summary>SHA-256 checksums over every generated column, read back through the model, so stores compare equal.</summary>
internal static class CityFingerprint
{
    public static async Task<(string Persons, string Visits, string Places)> OfAsync(FangkongDb db)
    {
        var persons = await db.Persons.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var visits = await db.Visits.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        var venues = await db.Venues.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        var households = await db.Households.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        return (
            Hash(persons.Select(p => string.Join('|', p.Id, p.DocumentType, p.DocumentNumber, p.Name, p.Sex, p.BirthDate, p.Phone, p.HouseholdId, p.Token))),
            Hash(visits.Select(v => string.Join('|', v.Id, v.PersonId, v.VenueId, v.EntryDeviceId, v.EnteredAtUtc.Ticks, v.ExitedAtUtc?.Ticks,
                v.ExitInferred, v.Method, v.Temperature?.ToString("0.0", CultureInfo.InvariantCulture)))),
            Hash(venues.Select(v => string.Join('|', v.Id, v.Name, v.Type, v.DistrictCode, v.CompoundId, v.Capacity, v.Opens, v.Closes, v.AllowsYellow))
                .Concat(households.Select(h => string.Join('|', h.Id, h.UnitId, h.Number)))));
    }

    private static string Hash(IEnumerable<string> lines)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
