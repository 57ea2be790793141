using System.Buffers.Binary;
using System.Text;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Reads an existing data file's page structure, without writing, before LiteDB opens it: LiteDB replaces a file it does
/// not recognise with an empty database, and writes to a damaged one while failing on it. What is checked (LiteDB 5
/// layout): a header page that names the format, a size that is a whole number of pages and covers the last page the
/// header records, and every page starting with its own number. Damage inside a page's data is found only when read.
/// </summary>
internal static class DatabaseFileCheck
{
    internal const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const int LastPageIdOffset = 64;
    private const byte FileVersion = 8;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>What is wrong with the file, in words that follow "it", or null when it looks sound or does not exist.</summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path)) return null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var length = file.Length;
        var header = new byte[PageSize];
        if (HeaderProblem(file, header) is { } problem) return problem;
        if (length % PageSize != 0)
            return $"is truncated or damaged: its size, {length:N0} bytes, is not a whole number of {PageSize:N0}-byte pages";

        var pages = length / PageSize;
        var lastPageId = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdOffset));
        // With a non-empty write-ahead log, a crash during a checkpoint can leave pages that only the log holds yet;
        // LiteDB copies them back when it opens the file, so only a file without pending log pages must cover them.
        if (lastPageId >= pages && !HasPendingLog(path))
            return $"is truncated: its header records {lastPageId + 1L:N0} pages but the file holds {pages:N0}";

        Span<byte> id = stackalloc byte[4];
        for (long page = 1; page < pages; page++)
        {
            file.Position = page * PageSize;
            if (file.ReadAtLeast(id, 4, throwOnEndOfStream: false) < 4 || BinaryPrimitives.ReadUInt32LittleEndian(id) != page)
                return $"is damaged: page {page:N0} (at byte {page * PageSize:N0}) does not carry its own page number";
        }
        return null;
    }

    /// <summary>
    /// The cheap part of <see cref="Problem"/>, for a file in use: the header page read from disk names the format. A
    /// file deleted, emptied or overwritten under the running process, or locked by another one, fails it. The size is
    /// not checked, as it may be mid-write while LiteDB extends the file.
    /// </summary>
    public static string? HeaderProblem(string path)
    {
        if (!File.Exists(path)) return "no longer exists";
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            return HeaderProblem(file, new byte[PageSize]);
        }
        catch (IOException ex)
        {
            return $"cannot be read: it is locked or unreadable ({ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"cannot be read: access is denied ({ex.Message})";
        }
    }

    private static string? HeaderProblem(FileStream file, byte[] header)
    {
        if (file.Length == 0) return "is empty (0 bytes), so it holds no database";
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < LastPageIdOffset + 4 || !header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
            return "is not a LiteDB database file";
        if (header[FileVersionOffset] != FileVersion)
            return $"is a LiteDB file of format version {header[FileVersionOffset]}, not version {FileVersion} (LiteDB 5)";
        return null;
    }

    private static bool HasPendingLog(string path)
    {
        var log = LogPathOf(path);
        return File.Exists(log) && new FileInfo(log).Length > 0;
    }

    /// <summary>LiteDB 5 keeps its write-ahead log beside the data file as "name-log.ext".</summary>
    internal static string LogPathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
}
