namespace Fangkong.Domain.People;

/// <summary>Typed identity documents; only the resident ID card carries the GB 11643 checksum.</summary>
public enum DocumentType
{
    ResidentIdCard = 1,
    Passport = 2,
    HongKongMacaoPermit = 3,
    TaiwanPermit = 4,
    ForeignerPermanentResidence = 5,
}

public static class IdentityDocument
{
    /// <summary>Validates a document number of any type; returns the normalised number or an error.</summary>
    public static (string? Number, string? Error) Normalise(DocumentType type, string? number, DateOnly today)
    {
        if (type == DocumentType.ResidentIdCard)
        {
            var v = ResidentIdNumber.Validate(number, today);
            return v.IsValid ? (v.Id!.Value.Value, null) : (null, v.Error);
        }
        if (!Enum.IsDefined(type)) return (null, "未知证件类型 / unknown document type");
        var s = number?.Trim().ToUpperInvariant() ?? "";
        if (s.Length is < 5 or > 20 || !s.All(char.IsAsciiLetterOrDigit))
            return (null, "证件号码应为5–20位字母或数字 / document number must be 5–20 letters or digits");
        return (s, null);
    }
}
