using Fangkong.Domain.Text;

namespace Fangkong.Domain.Passes;

/// <summary>
/// Whether a pass holds at a checkpoint, offline: a genuine signature (<see cref="SignedPass.Read"/>), today within its
/// days, not on the revocation list the device last fetched, and — for freight — the vehicle in front of the staff is
/// the one it names. The platform applies the same rule online with its own table.
/// </summary>
public static class PassRules
{
    public static PassVerification Check(PassVerification read, DateOnly today, IReadOnlySet<long> revoked, string? plate = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(revoked);
        if (read.Payload is not { } p || !read.IsValid) return read;
        if (revoked.Contains(p.PassId)) return new(PassVerdict.Revoked, p, new Message("Passes.Verify.Revoked"));
        if (today < p.ValidFrom) return new(PassVerdict.NotYetValid, p, new Message("Passes.Verify.NotYetValid", p.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (today > p.ValidTo) return new(PassVerdict.Expired, p, new Message("Passes.Verify.Expired", p.ValidTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (p.Kind == PassKind.Freight && plate is not null && !SamePlate(plate, p.Plate))
            return new(PassVerdict.WrongVehicle, p, new Message("Passes.Verify.WrongVehicle"));
        return read;
    }

    /// <summary>A plate as written on a pass and as typed at a checkpoint: no spaces, dots or dashes, upper case (吉D·12345 = 吉D12345).</summary>
    public static string NormalisePlate(string plate)
    {
        ArgumentNullException.ThrowIfNull(plate);
        return new string([.. plate.Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '.' or '-' or '•'))]).ToUpperInvariant();
    }

    public static bool SamePlate(string a, string? b) => b is not null && NormalisePlate(a) == NormalisePlate(b);

    /// <summary>Whether a pass's days are a sensible span: from on or before to, at most <paramref name="maxDays"/> days.</summary>
    public static bool ValidSpan(DateOnly from, DateOnly to, int maxDays) => to >= from && to.DayNumber - from.DayNumber < maxDays;
}
