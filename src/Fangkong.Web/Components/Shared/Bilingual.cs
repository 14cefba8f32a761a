using System.Globalization;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// Core messages come as "中文 / English" (notes as several such lines). A page shows only the half in the reader's
/// language, so a gate operator reads one short sentence. Text without the separator is shown as it is.
/// </summary>
public static class Bilingual
{
    private const string Separator = " / ";

    public static string Pick(string? message) => Pick(message, CultureInfo.CurrentUICulture);

    public static string Pick(string? message, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(message)) return "";
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        if (!message.Contains('\n')) return Half(message, chinese);
        return string.Join('\n', message.Split('\n').Select(line => Half(line, chinese)));
    }

    private static string Half(string line, bool chinese)
    {
        var i = line.IndexOf(Separator, StringComparison.Ordinal);
        if (i < 0) return line;
        return chinese ? line[..i] : line[(i + Separator.Length)..];
    }
}
