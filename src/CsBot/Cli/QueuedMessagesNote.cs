using CsBot.Host.Configuration;

namespace CsBot.Host.Cli;

/// <summary>
/// What an import run from the command line says about the messages it queued: when they are delivered depends on the
/// store. A LiteDB file is one process's at a time, so the import ran with CsBot stopped and the messages wait for its
/// next start; a PostgreSQL database is shared, so CsBots may be running beside the import and deliver from the same
/// outbox on their next delivery run.
/// </summary>
public static class QueuedMessagesNote
{
    public static string For(StorageProvider store, int messages) => store switch
    {
        StorageProvider.PostgreSql =>
            $"{ImportCommand.N(messages)} messages wait in the database's outbox; every running CsBot delivers from it on its next delivery run " +
            "(Delivery:PollCron, every 15 seconds by default), each message once. If no CsBot is running, the first to start delivers them.",
        _ => $"{ImportCommand.N(messages)} messages wait in the outbox; CsBot delivers them when it next starts.",
    };
}
