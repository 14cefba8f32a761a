using Fangkong.Core.Common;

namespace Fangkong.Core.Appeals;

/// <summary>An evidence file as the resident sent it: its name and bytes.</summary>
public sealed record EvidenceUpload(string? FileName, byte[]? Content);

/// <summary>
/// Checks evidence files before anything is written: a few per appeal, each under a size bound, and each a photo (JPEG,
/// PNG) or a PDF by its first bytes — the type a client claims is never trusted, and the stored type is the one read.
/// </summary>
public static class AppealEvidence
{
    public const int MaxFiles = 5;
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public static List<AppealFile> Check(IReadOnlyList<EvidenceUpload>? uploads, Func<long> newId)
    {
        var files = new List<AppealFile>();
        if (uploads is null) return files;
        if (uploads.Count > MaxFiles) throw new InputException("files", Messages.Get("Appeals.Files.TooMany", MaxFiles));
        for (var i = 0; i < uploads.Count; i++)
        {
            var u = uploads[i];
            var field = $"files[{i}]";
            if (u.Content is null || u.Content.Length == 0) throw new InputException(field, Messages.Get("Appeals.Files.Empty", i + 1));
            if (u.Content.Length > MaxFileBytes) throw new InputException(field, Messages.Get("Appeals.Files.TooLarge", i + 1, MaxFileBytes / 1024 / 1024));
            var type = TypeOf(u.Content) ?? throw new InputException(field, Messages.Get("Appeals.Files.Type", i + 1));
            files.Add(new AppealFile { Id = newId(), FileName = NameOf(u.FileName, type, i), ContentType = type, Size = u.Content.Length, Content = u.Content });
        }
        return files;
    }

    /// <summary>The type by the file's signature: JPEG, PNG or PDF; anything else is refused.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8) ? "application/pdf"
        : null;

    // The name is only a label: no path, no control characters, bounded, with the extension of the type actually read.
    private static string NameOf(string? name, string type, int index)
    {
        var ext = type switch { "image/jpeg" => ".jpg", "image/png" => ".png", _ => ".pdf" };
        var bare = Path.GetFileNameWithoutExtension((name ?? "").Replace('\\', '/').Split('/')[^1]);
        bare = new string(bare.Where(c => !char.IsControl(c) && c is not ('<' or '>' or '"' or '\'' or '&')).ToArray()).Trim();
        if (bare.Length == 0) bare = $"evidence-{index + 1}";
        if (bare.Length > 80) bare = bare[..80];
        return bare + ext;
    }
}
