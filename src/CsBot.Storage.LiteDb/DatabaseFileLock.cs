namespace CsBot.Storage.LiteDb;

/// <summary>
/// An exclusive lock on "&lt;data file&gt;.lock", held for as long as the database is open. LiteDB's direct mode takes no
/// lock another process would see on Linux, so without this a second CsBot (or an import) could write the same file at
/// once and corrupt it. The operating system drops the lock when the process ends, even on kill -9, so a lock file
/// left behind never blocks the next start.
/// </summary>
internal sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseFileLock(FileStream stream) => _stream = stream;

    public static DatabaseFileLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: either way a second opener fails.
            return new DatabaseFileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new DatabaseFileException(
                $"The database file {databasePath} is in use by another CsBot process (it holds {lockPath}). " +
                "Stop that process first: CsBot, and commands such as import and export, need the file to themselves.", ex, inUse: true);
        }
    }

    public void Dispose() => _stream.Dispose();
}
