using Fangkong.Domain.People;

namespace Fangkong.Core.Seeding;

/// <summary>One generated resident: who they are, as stored, and their age for the daily routines.</summary>
internal readonly record struct Resident(string Name, string IdNumber, Sex Sex, DateOnly Birth, int Age, string Phone, string Token);

/// <summary>
/// Residents household by household — couples of similar age, children who carry the father's surname and
/// were born to parents of plausible age, grandparents — with valid, unique resident ID numbers (region = the
/// household's district, sequence parity = sex), Chinese names, phones and person tokens.
/// </summary>
internal sealed class ResidentGenerator(Random rng, DateOnly today)
{
    private readonly int _surnameTotal = CityNames.Surnames.Sum(s => s.Weight);
    // (district, birth day, sequence) packed into a long: a million of them take tens of MB, not hundreds.
    private readonly HashSet<long> _numbers = [];
    private readonly List<Resident> _members = new(5);

    public IReadOnlyList<Resident> Household(int size, byte district)
    {
        _members.Clear();
        switch (size)
        {
            case 1:
                Single(district, rng.NextDouble() < 0.5 ? rng.Next(60, 91) : rng.Next(22, 60));
                break;
            case 2:
                var r = rng.NextDouble();
                if (r < 0.6) Couple(district, rng.Next(45, 81)); // empty nesters: Liaoyuan's young adults often work elsewhere
                else if (r < 0.85) Couple(district, rng.Next(24, 45));
                else Children(district, Single(district, rng.Next(32, 56)), 1);
                break;
            case 3:
                if (rng.NextDouble() < 0.75) Children(district, Couple(district, rng.Next(26, 53)), 1);
                else Grandparent(district, Couple(district, rng.Next(45, 66)));
                break;
            case 4:
                var parents = Couple(district, rng.Next(28, 49));
                Children(district, parents, 1);
                if (rng.NextDouble() < 0.5) Children(district, parents, 1);
                else Grandparent(district, parents);
                break;
            default:
                var p = Couple(district, rng.Next(28, 46));
                Children(district, p, size - 4);
                Grandparent(district, p, both: true);
                break;
        }
        return _members;
    }

    private (Resident Head, string Surname) Single(byte district, int age)
    {
        var sex = rng.Next(2) == 0 ? Sex.Male : Sex.Female;
        var surname = Surname();
        return (Person(district, surname, sex, age, phone: null), surname);
    }

    /// <summary>Husband and wife, the wife usually a little younger; returns the husband (head) and his surname.</summary>
    private (Resident Head, string Surname) Couple(byte district, int husbandAge)
    {
        var surname = Surname();
        var husband = Person(district, surname, Sex.Male, husbandAge, phone: null);
        Person(district, Surname(), Sex.Female, Math.Max(20, husbandAge - rng.Next(-2, 6)), phone: null);
        return (husband, surname);
    }

    /// <summary>Children born when the parent was 22–34; young children register the head's phone.</summary>
    private void Children(byte district, (Resident Head, string Surname) parent, int count)
    {
        var age = Math.Max(0, parent.Head.Age - rng.Next(22, 35));
        for (var c = 0; c < count; c++, age = Math.Max(0, age - rng.Next(2, 8)))
        {
            var sex = rng.Next(2) == 0 ? Sex.Male : Sex.Female;
            Person(district, parent.Surname, sex, age, phone: age < 14 ? parent.Head.Phone : null);
        }
    }

    /// <summary>The head's father (same surname) or mother — or both.</summary>
    private void Grandparent(byte district, (Resident Head, string Surname) parent, bool both = false)
    {
        var age = Math.Min(98, parent.Head.Age + rng.Next(22, 33));
        var father = both || rng.Next(2) == 0;
        if (father) Person(district, parent.Surname, Sex.Male, age, phone: null);
        if (both || !father) Person(district, Surname(), Sex.Female, Math.Max(20, age - rng.Next(0, 5)), phone: null);
    }

    private Resident Person(byte district, string surname, Sex sex, int age, string? phone)
    {
        // Babies are born before the earliest day of visits the seeder may write, so a simulated past over those days
        // (an outbreak, its sampling by ID number) never meets a birth date still in its future.
        var birth = today.AddYears(-age).AddDays(-rng.Next(age == 0 ? SeedOptions.MaxDays + 1 : 0, 365));
        var region = Regions.Liaoyuan[district].Code;
        int seq;
        do seq = rng.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0); // 3-digit sequence: odd for men, even for women (GB 11643)
        while (!_numbers.Add(((long)birth.DayNumber * 1000 + seq) * 4 + district));
        var resident = new Resident(surname + GivenName(sex), ResidentIdNumber.Compose(region, birth, seq), sex, birth, age, phone ?? Phone(), Token());
        _members.Add(resident);
        return resident;
    }

    private string Surname()
    {
        var pick = rng.Next(_surnameTotal);
        foreach (var (name, weight) in CityNames.Surnames)
        {
            if (pick < weight) return name;
            pick -= weight;
        }
        return CityNames.Surnames[0].Name;
    }

    /// <summary>One or two characters (two-character given names are the majority).</summary>
    private string GivenName(Sex sex)
    {
        var chars = sex == Sex.Male ? CityNames.MaleChars : CityNames.FemaleChars;
        var given = chars[rng.Next(chars.Length)];
        return rng.Next(3) > 0 ? given + chars[rng.Next(chars.Length)] : given;
    }

    private string Phone() => string.Create(11, rng, static (span, r) =>
    {
        CityNames.PhonePrefixes[r.Next(CityNames.PhonePrefixes.Length)].AsSpan().CopyTo(span);
        for (var i = 3; i < 11; i++) span[i] = (char)('0' + r.Next(10));
    });

    // Deterministic from the seed like everything else (22 url-safe characters, 128 bits); a token only names a
    // person, the QR signature is what proves it.
    private string Token()
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        Span<char> chars = stackalloc char[24];
        Convert.TryToBase64Chars(bytes, chars, out _);
        for (var i = 0; i < 22; i++) chars[i] = chars[i] switch { '+' => '-', '/' => '_', var c => c };
        return new string(chars[..22]);
    }
}
