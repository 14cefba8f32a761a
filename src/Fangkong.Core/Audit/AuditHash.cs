using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fangkong.Core.Audit;

/// <summary>
/// The hash of an entry: SHA-256 over a canonical encoding of its fields and the previous entry's hash. Each field is
/// written as its length (4 bytes, big-endian; −1 for none) and its UTF-8 bytes, in a fixed order, so no two different
/// entries encode alike whatever their text holds. Instants are written as ticks, whole microseconds (what both stores keep).
/// </summary>
public static class AuditHash
{
    public const string Genesis = "";

    public static string Of(AuditEntry e)
    {
        using var buffer = new CanonicalWriter();
        buffer.Field("fangkong-audit-v1");
        buffer.Field(e.Seq.ToString(CultureInfo.InvariantCulture));
        buffer.Field(e.Id.ToString(CultureInfo.InvariantCulture));
        buffer.Field(e.AtUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        buffer.Field(e.Kind);
        buffer.Field(e.Action);
        buffer.Field(e.ActorUserId?.ToString(CultureInfo.InvariantCulture));
        buffer.Field(e.ActorName);
        buffer.Field(e.ActorRole);
        buffer.Field(e.PersonId?.ToString(CultureInfo.InvariantCulture));
        buffer.Field(e.VenueId?.ToString(CultureInfo.InvariantCulture));
        buffer.Field(e.Purpose);
        buffer.Field(e.PurposeKey);
        buffer.Field(e.Reference);
        buffer.Field(e.Detail);
        buffer.Field(e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.Bytes()));
    }

    /// <summary>An instant as both stores keep it: PostgreSQL's timestamps hold microseconds, .NET's ticks a tenth of that.</summary>
    public static DateTime Stored(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    private sealed class CanonicalWriter : IDisposable
    {
        private readonly MemoryStream stream = new();

        public void Dispose() => stream.Dispose();

        public void Field(string? value)
        {
            Span<byte> length = stackalloc byte[4];
            if (value is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(length, -1);
                stream.Write(length);
                return;
            }
            var bytes = Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            stream.Write(length);
            stream.Write(bytes);
        }

        public ReadOnlySpan<byte> Bytes() => stream.GetBuffer().AsSpan(0, (int)stream.Length);
    }
}
