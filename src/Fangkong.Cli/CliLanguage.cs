using System.CommandLine;
using System.Globalization;

namespace Fangkong.Cli;

/// <summary>
/// The language the platform's sentences are worded in on this command line (ADR 0020): the Core catalogues' refusals
/// and the demo accounts' descriptions. <c>--lang zh-CN</c> or <c>--lang en</c> chooses; without it the environment's
/// (LANG, LC_ALL) if that is Chinese or English, and Chinese otherwise — a bare C or POSIX locale too — as the platform
/// is Chinese first. The command line's own report lines, help and column headings are English, an operator's tool's.
/// </summary>
internal static class CliLanguage
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly Option<string?> Option = new("--lang")
    {
        Description = "Language of the platform's messages: zh-CN or en (default: the environment's, else zh-CN)",
        Recursive = true,
        CustomParser = r => r.Tokens.Single().Value is var v && Known(v) is not null ? v
            : Fail(r, $"--lang is zh-CN or en, not '{v}'"),
    };

    /// <summary>The culture to word in: the option's, or the environment's when it is one the catalogues have.</summary>
    public static CultureInfo Culture(string? option, CultureInfo environment) =>
        (option is null ? null : Known(option)) ?? Known(environment.Name) ?? Chinese;

    private static CultureInfo? Known(string name) =>
        name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : null;

    private static string? Fail(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return null;
    }
}
