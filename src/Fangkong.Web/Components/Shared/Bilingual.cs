using System.Globalization;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// Core messages come as "中文 / English". A page shows only the half in the reader's language,
/// so a gate operator reads one short sentence.
/// </summary>
public static class Bilingual
{
    private const string Separator = " / ";

    public static string Pick(string? message)
    {
        if (string.IsNullOrEmpty(message)) return "";
        var i = message.IndexOf(Separator, StringComparison.Ordinal);
        if (i < 0) return message;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? message[..i] : message[(i + Separator.Length)..];
    }
}
