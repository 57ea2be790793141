using System.Buffers.Binary;
using System.Text;

namespace CsBot.Core.Scoring;

/// <summary>
/// A health score's breakdown (its components and the components left out) as one run of bytes, so a store writes and
/// reads a latest score as one field instead of a document of nested arrays: in a document store the cost of a write
/// or read grows with the number of fields (about fifty for a demo account's breakdown), more than with bytes.
/// </summary>
/// <remarks>
/// Layout: the component count, then per component its kind, the four doubles (value, points, weight, contribution)
/// as little-endian IEEE bits, and its reason; then the omitted count and per omitted component its kind and why.
/// Counts and string lengths are variable-length integers (7 bits a byte, low bits first); strings are UTF-8. Kinds
/// are written by name, as stores always wrote them, so reordering <see cref="HealthComponentKind"/> cannot change
/// what a stored breakdown means. Doubles keep their bits, so every value round-trips exactly, and equal breakdowns
/// pack to equal bytes: comparing the bytes tells whether a stored breakdown is the one about to be written.
/// </remarks>
public static class ScoreBreakdownPacking
{
    private static readonly HealthComponentKind[] Kinds = Enum.GetValues<HealthComponentKind>();
    private static readonly string[] KindNames = [.. Kinds.Select(k => k.ToString())];

    public static byte[] Pack(HealthScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var size = 2 * 5;
        foreach (var c in score.Components) size += 5 + NameLength(c.Kind) + 4 * sizeof(double) + 5 + Encoding.UTF8.GetMaxByteCount((c.Reason ?? "").Length);
        foreach (var o in score.Omitted) size += 5 + NameLength(o.Kind) + 5 + Encoding.UTF8.GetMaxByteCount((o.Why ?? "").Length);

        var buffer = size <= 2048 ? stackalloc byte[size] : new byte[size];
        var at = WriteCount(buffer, 0, score.Components.Count);
        foreach (var c in score.Components)
        {
            at = WriteString(buffer, at, Name(c.Kind));
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[at..], c.Value);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[(at + 8)..], c.Points);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[(at + 16)..], c.Weight);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[(at + 24)..], c.Contribution);
            at = WriteString(buffer, at + 32, c.Reason ?? "");
        }
        at = WriteCount(buffer, at, score.Omitted.Count);
        foreach (var o in score.Omitted)
        {
            at = WriteString(buffer, at, Name(o.Kind));
            at = WriteString(buffer, at, o.Why ?? "");
        }
        return buffer[..at].ToArray();
    }

    /// <summary>The breakdown packed in <paramref name="bytes"/>; refuses bytes that end early, run over or name an unknown kind.</summary>
    public static (ComponentScore[] Components, OmittedComponent[] Omitted) Unpack(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        var components = new ComponentScore[ReadCount(bytes, ref at)];
        for (var i = 0; i < components.Length; i++)
        {
            var kind = ReadKind(bytes, ref at);
            if (bytes.Length - at < 32) throw Damaged("ends inside a component");
            var value = BinaryPrimitives.ReadDoubleLittleEndian(bytes[at..]);
            var points = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(at + 8)..]);
            var weight = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(at + 16)..]);
            var contribution = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(at + 24)..]);
            at += 32;
            components[i] = new ComponentScore(kind, value, points, weight, contribution, ReadString(bytes, ref at));
        }
        var omitted = new OmittedComponent[ReadCount(bytes, ref at)];
        for (var i = 0; i < omitted.Length; i++) omitted[i] = new OmittedComponent(ReadKind(bytes, ref at), ReadString(bytes, ref at));
        if (at != bytes.Length) throw Damaged("has bytes after the omitted components");
        return (components, omitted);
    }

    private static string Name(HealthComponentKind kind)
    {
        var index = Array.IndexOf(Kinds, kind);
        return index >= 0 ? KindNames[index] : kind.ToString();
    }

    private static int NameLength(HealthComponentKind kind) => Encoding.UTF8.GetMaxByteCount(Name(kind).Length);

    private static HealthComponentKind ReadKind(ReadOnlySpan<byte> bytes, ref int at)
    {
        var name = ReadString(bytes, ref at);
        for (var i = 0; i < KindNames.Length; i++)
            if (string.Equals(KindNames[i], name, StringComparison.Ordinal)) return Kinds[i];
        throw Damaged($"names an unknown component kind '{name}'");
    }

    private static int WriteString(Span<byte> buffer, int at, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, buffer[(at + 5)..]);
        // The length goes first; the bytes were written 5 further on (a length's most bytes) and are moved up to it.
        var start = WriteCount(buffer, at, length);
        buffer.Slice(at + 5, length).CopyTo(buffer[start..]);
        return start + length;
    }

    private static string ReadString(ReadOnlySpan<byte> bytes, ref int at)
    {
        var length = ReadCount(bytes, ref at);
        if (bytes.Length - at < length) throw Damaged("ends inside a text");
        var text = Encoding.UTF8.GetString(bytes.Slice(at, length));
        at += length;
        return text;
    }

    private static int WriteCount(Span<byte> buffer, int at, int count)
    {
        var value = (uint)count;
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[at++] = (byte)value;
        return at;
    }

    private static int ReadCount(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length) throw Damaged("ends inside a count");
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value <= int.MaxValue ? (int)value : throw Damaged("has a count out of range");
        }
        throw Damaged("has a count out of range");
    }

    private static InvalidDataException Damaged(string what) => new($"Packed score breakdown {what}: the stored bytes are damaged.");
}
