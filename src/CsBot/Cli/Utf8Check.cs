using System.Text;

namespace CsBot.Host.Cli;

/// <summary>
/// Finds the first bytes of a file that are not UTF-8. Without this check the CSV reader turns them into U+FFFD and the
/// damaged names are stored without a word; with it the import stops and says where the file went wrong.
/// </summary>
public static class Utf8Check
{
    /// <summary>Where the first invalid sequence is: its 1-based line, its 0-based byte offset in the file, and its bytes.</summary>
    public sealed record Invalid(long Line, long ByteOffset, byte[] Bytes)
    {
        public override string ToString()
        {
            var hint = ByteOffset == 0 && Bytes is [0xFF, ..] or [0xFE, ..]
                ? "the file is UTF-16 text; save it as UTF-8"
                : "save the file as UTF-8 (in Excel: \"CSV UTF-8\")";
            return $"line {Line} (byte {ByteOffset} of the file): the bytes {Convert.ToHexString(Bytes)} are not UTF-8 text; {hint}";
        }
    }

    /// <summary>The first invalid sequence of <paramref name="stream"/>, read to its end; null when it is all UTF-8 (a UTF-8 byte order mark is fine).</summary>
    public static Invalid? FirstInvalid(Stream stream)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4]; // a sequence left over from the previous block decodes to at most 2 more chars
        long start = 0, line = 1;
        int read;
        while ((read = stream.Read(bytes)) > 0)
        {
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                // Index is negative when the sequence began in the previous block: its bytes there are not line breaks.
                line += bytes.AsSpan(0, Math.Max(0, e.Index)).Count((byte)'\n');
                return new Invalid(line, start + e.Index, e.BytesUnknown ?? []);
            }
            line += bytes.AsSpan(0, read).Count((byte)'\n');
            start += read;
        }
        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException e)
        {
            // The file ends inside a multi-byte sequence.
            var unknown = e.BytesUnknown ?? [];
            return new Invalid(line, start - unknown.Length, unknown);
        }
        return null;
    }
}
