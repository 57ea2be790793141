namespace CsBot.Storage.LiteDb;

/// <summary>
/// The data file cannot be used: another process holds it, or it is not a readable LiteDB database. The message
/// names the file, what is wrong and what to do; the file itself has not been changed. <see cref="InUse"/> tells the
/// two apart, so a command can reach the running CsBot that holds the file instead of giving up.
/// </summary>
public sealed class DatabaseFileException(string message, Exception? inner = null, bool inUse = false) : Exception(message, inner)
{
    /// <summary>True when another CsBot process holds the file (its lock file), false when the file itself is unusable.</summary>
    public bool InUse { get; } = inUse;
}
