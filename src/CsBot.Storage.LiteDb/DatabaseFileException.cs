namespace CsBot.Storage.LiteDb;

/// <summary>
/// The data file cannot be used: another process holds it, or it is not a readable LiteDB database. The message
/// names the file, what is wrong and what to do; the file itself has not been changed.
/// </summary>
public sealed class DatabaseFileException(string message, Exception? inner = null) : Exception(message, inner);
