using Fangkong.Domain.People;

namespace Fangkong.Core.Seeding;

/// <summary>What the visit generator needs to know about each resident, kept compact for a million of them.</summary>
internal struct ResidentProfile
{
    public int CompoundIndex;
    public byte Age;
    /// <summary>Index into the venue list of the workplace or school; -1 for none.</summary>
    public int DailyVenue;
    /// <summary>Bus line ridden to the daily venue; -1 for none.</summary>
    public short BusLine;
}

/// <summary>Persons with valid, unique resident ID numbers and Chinese names, household by household.</summary>
internal sealed class ResidentGenerator(Random rng, DateOnly today)
{
    private readonly int _surnameTotal = CityNames.Surnames.Sum(s => s.Weight);
    private readonly HashSet<string> _numbers = [];

    public (string Name, string IdNumber, Sex Sex, DateOnly Birth, string Phone, string Token) Next(string regionCode, int age)
    {
        var sex = rng.Next(2) == 0 ? Sex.Male : Sex.Female;
        var birth = today.AddYears(-age).AddDays(-rng.Next(0, 365));
        string number;
        do
        {
            // Sequence: 3 digits, odd for men and even for women (GB 11643).
            var seq = rng.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            number = ResidentIdNumber.Compose(regionCode, birth, seq);
        } while (!_numbers.Add(number));
        return (Name(sex), number, sex, birth, Phone(), Token());
    }

    /// <summary>A population pyramid like a northeastern Chinese city: older than the national average.</summary>
    public int Age()
    {
        var r = rng.NextDouble();
        return r switch
        {
            < 0.13 => rng.Next(0, 15),
            < 0.22 => rng.Next(15, 25),
            < 0.70 => rng.Next(25, 60),
            < 0.93 => rng.Next(60, 80),
            _ => rng.Next(80, 96),
        };
    }

    private string Name(Sex sex)
    {
        var pick = rng.Next(_surnameTotal);
        var surname = CityNames.Surnames[0].Name;
        foreach (var (name, weight) in CityNames.Surnames)
        {
            if (pick < weight) { surname = name; break; }
            pick -= weight;
        }
        var chars = sex == Sex.Male ? CityNames.MaleChars : CityNames.FemaleChars;
        var given = chars[rng.Next(chars.Length)];
        if (rng.Next(3) > 0) given += chars[rng.Next(chars.Length)];
        return surname + given;
    }

    private string Phone()
    {
        string[] prefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "157", "158", "159", "177", "186", "187", "188", "199"];
        return prefixes[rng.Next(prefixes.Length)] + rng.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Deterministic from the seed like everything else; a token only names a person, the QR signature is what proves it.
    private string Token()
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
