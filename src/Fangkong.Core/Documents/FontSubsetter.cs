using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;

namespace Fangkong.Core.Documents;

/// <summary>
/// Cuts a font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset, in the native library
/// HarfBuzzSharp ships). SkiaSharp's PDF backend embeds each font it is given whole: its native build has no
/// subsetter, so one rare character from BabelStone Han would put 51 MB into a certificate. Given the subset
/// instead, it embeds a few kilobytes.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    // One HarfBuzz face per font file for the life of the process, over the file as Skia maps it into memory.
    private static readonly Dictionary<SKTypeface, Source?> Sources = [];

    /// <summary>A typeface holding only the glyphs of <paramref name="codePoints"/> (and what they need), or null if subsetting failed.</summary>
    public static SKTypeface? Subset(SKTypeface typeface, IEnumerable<int> codePoints)
    {
        var source = SourceOf(typeface);
        if (source is null) return null;
        lock (source)
        {
            var input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero) return null;
            try
            {
                hb_subset_input_set_flags(input, NoHinting); // hints only help screens at small pixel sizes
                var set = hb_subset_input_unicode_set(input);
                foreach (var cp in codePoints) hb_set_add(set, (uint)cp);
                var subset = hb_subset_or_fail(source.Face.Handle, input);
                if (subset == IntPtr.Zero) return null;
                try
                {
                    var blob = hb_face_reference_blob(subset);
                    try
                    {
                        var data = hb_blob_get_data(blob, out var length);
                        return length == 0 ? null : SKTypeface.FromData(SKData.CreateCopy(data, length));
                    }
                    finally
                    {
                        hb_blob_destroy(blob);
                    }
                }
                finally
                {
                    hb_face_destroy(subset);
                }
            }
            finally
            {
                hb_subset_input_destroy(input);
            }
        }
    }

    private static Source? SourceOf(SKTypeface typeface)
    {
        lock (Sources)
        {
            if (Sources.TryGetValue(typeface, out var known)) return known;
            var stream = typeface.OpenStream(out var index);
            Source? source = null;
            if (stream is not null && stream.GetMemoryBase() is var memory && memory != IntPtr.Zero)
            {
                var blob = new Blob(memory, stream.Length, MemoryMode.ReadOnly);
                source = new Source(stream, blob, new Face(blob, index));
            }
            else stream?.Dispose();
            Sources[typeface] = source;
            return source;
        }
    }

    /// <summary>The font file (kept open so its memory stays mapped), and HarfBuzz's view of it.</summary>
    private sealed record Source(SKStreamAsset Stream, Blob Blob, Face Face);

    private const uint NoHinting = 0x00000001; // HB_SUBSET_FLAGS_NO_HINTING

    [LibraryImport(Library)] private static partial IntPtr hb_subset_input_create_or_fail();
    [LibraryImport(Library)] private static partial void hb_subset_input_destroy(IntPtr input);
    [LibraryImport(Library)] private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);
    [LibraryImport(Library)] private static partial void hb_set_add(IntPtr set, uint codepoint);
    [LibraryImport(Library)] private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(Library)] private static partial IntPtr hb_face_reference_blob(IntPtr face);
    [LibraryImport(Library)] private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [LibraryImport(Library)] private static partial void hb_blob_destroy(IntPtr blob);
    [LibraryImport(Library)] private static partial void hb_face_destroy(IntPtr face);
}
