namespace CsBot.Storage.LiteDb.Tests;

/// <summary>Pages a write adds to LiteDB's log: what it will also copy into the data file at the next checkpoint.</summary>
internal static class LogPages
{
    private const int PageSize = 8_192;

    /// <summary>Pages <paramref name="write"/> adds to the log, emptied by a checkpoint before it.</summary>
    public static long WrittenBy(LiteDbContext context, Action write)
    {
        context.Database.Checkpoint();
        write();
        var log = DatabaseFileCheck.LogPathOf(context.DatabasePath);
        return File.Exists(log) ? new FileInfo(log).Length / PageSize : 0;
    }
}
