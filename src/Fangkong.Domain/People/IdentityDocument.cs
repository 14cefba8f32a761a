using Fangkong.Domain.Text;

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
    /// <summary>Validates a document number of any type; returns the normalised number or why it is not one.</summary>
    public static (string? Number, Message? Error) Normalise(DocumentType type, string? number, DateOnly today)
    {
        if (type == DocumentType.ResidentIdCard)
        {
            var v = ResidentIdNumber.Validate(number, today);
            return v.IsValid ? (v.Id!.Value.Value, null) : (null, v.Error);
        }
        if (!Enum.IsDefined(type)) return (null, new Message("People.Document.UnknownType"));
        var s = number?.Trim().ToUpperInvariant() ?? "";
        if (s.Length is < 5 or > 20 || !s.All(char.IsAsciiLetterOrDigit))
            return (null, new Message("People.Document.Number"));
        return (s, null);
    }
}
