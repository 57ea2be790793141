using CsBot.Storage.LiteDb.Documents;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Owns the one <see cref="LiteDatabase"/> of the process: creates the data file's directory, sets up collections
/// and indexes once, and hands out collections and transactions to the stores.
/// </summary>
/// <remarks>
/// Register it as a singleton and share it. The file is opened in LiteDB's direct mode (cached), and a lock file next to
/// it makes it exclusive to this process; an existing file is checked before LiteDB may write to it
/// (<see cref="DatabaseFileCheck"/>): one shared <see cref="LiteDatabase"/> is used by the web host and the background
/// jobs at once. Reads read committed snapshots; writes run one at a time in the file, and every call into LiteDB runs
/// alone (<see cref="OneAtATimeEngine"/>: LiteDB's own per-collection write locks let concurrent writes damage its
/// free-page list, and its page cache can hand a reader a page it is recycling).
/// LiteDB binds an explicit transaction to the calling thread, which is why the store ports are synchronous: a write
/// must begin and commit on the same thread.
/// New files use a binary (ordinal, case-sensitive) collation, so ids such as "acc-1" and "ACC-1" stay distinct and
/// string comparisons do not depend on the machine's culture.
/// </remarks>
public sealed class LiteDbContext : IDisposable
{
    internal const string Accounts = "accounts";
    internal const string AccountData = "account_data";
    /// <summary>Usage and other signals of the earlier layout, read only to upgrade a file (<see cref="PortfolioLayoutUpgrade"/>).</summary>
    internal const string Usage = "usage";
    internal const string Signals = "signals";
    internal const string LatestScores = "scores_latest";
    internal const string ScoreHistories = "score_history";
    internal const string Alerts = "alerts";

    /// <summary>
    /// How many pages (8 KB each) LiteDB's write-ahead log ("name-log.db") may hold before the commit that passes it
    /// copies the log into the data file: 64 MB, where LiteDB's default is 1,000 pages (8 MB).
    /// </summary>
    /// <remarks>
    /// A checkpoint writes every page in the log to the data file, flushes it to disk and empties LiteDB's page cache,
    /// so the reads after it go to the file again. An ingestion batch of 1,000 accounts dirties about 4,000 pages
    /// scattered over the file: with the default every batch paid for a checkpoint and started with a cold cache
    /// (measured at 100k accounts without stored usage: median 111-131 ms a batch against 91 ms with this size; with
    /// 180 days of usage each, every other batch still checkpoints, and the mean is unchanged). What the log holds is as
    /// durable as before (LiteDB replays it when the file is opened; the outbox still checkpoints after each of its
    /// writes, see <see cref="LiteDbOutbox"/>), and closing the file checkpoints it, so a stopped CsBot leaves one file.
    /// The cost is up to 64 MB more disk beside the data file while it runs.
    /// </remarks>
    internal const int CheckpointPages = 8_192;

    private readonly LiteDatabase _database;
    private readonly ReopeningEngine _engine;
    private readonly ILogger _logger;
    private readonly DatabaseFileLock _lock;
    private readonly List<Action<LiteDatabase>> _beforeClose = [];
    private int _disposed;

    public LiteDbContext(LiteDbOptions options, ILogger<LiteDbContext>? logger = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).DatabasePath, logger)
    {
    }

    public LiteDbContext(string databasePath, ILogger<LiteDbContext>? logger = null)
    {
        if (string.IsNullOrWhiteSpace(databasePath)) throw new ArgumentException("A database path is required.", nameof(databasePath));
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        DatabasePath = Path.GetFullPath(databasePath);
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        _lock = DatabaseFileLock.Acquire(DatabasePath);
        try
        {
            if (DatabaseFileCheck.Problem(DatabasePath) is { } problem) throw Unreadable(problem, null);
            Mapper = CreateMapper();
            (_database, _engine) = Open(DatabasePath, Mapper);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    private (LiteDatabase, ReopeningEngine) Open(string path, BsonMapper mapper)
    {
        LiteDatabase? database = null;
        try
        {
            // Direct mode, as LiteDB's connection string opens it; one call into LiteDB and one write at a time in the file (OneAtATimeEngine),
            // and the file opened again when LiteDB has closed it after an internal error (ReopeningEngine).
            var settings = new EngineSettings { Filename = path, Collation = Collation.Binary };
            var engine = new ReopeningEngine(() => new LiteEngine(settings), Reopened);
            database = new LiteDatabase(new OneAtATimeEngine(engine), mapper, disposeOnClose: true);
            LiteDbCollections.CreateMissing(database);
            DataExternalIdUpgrade.Run(database, _logger);
            EnsureIndexes(database);
            PortfolioLayoutUpgrade.Run(database, mapper);
            if (database.CheckpointSize != CheckpointPages) database.CheckpointSize = CheckpointPages;
            return (database, engine);
        }
        catch (LiteException ex)
        {
            database?.Dispose();
            throw Unreadable($"could not be read by LiteDB ({ex.Message})", ex);
        }
        catch
        {
            database?.Dispose();
            throw;
        }
    }

    private void Reopened(Exception closedBy) =>
        _logger.LogError(closedBy, "LiteDB closed {Path} after an internal error; CsBot opened it again (the call that failed reported it, nothing committed was lost)", DatabasePath);

    /// <summary>How often the file was opened again after LiteDB closed it (<see cref="ReopeningEngine"/>), since start.</summary>
    public int Reopens => _engine.Reopens;

    // The log goes aside with the file: LiteDB replays a log it finds beside a restored backup into it, which damages it.
    private DatabaseFileException Unreadable(string problem, Exception? inner)
    {
        var log = DatabaseFileCheck.LogPathOf(DatabasePath);
        return new(
            $"CsBot cannot use the database file {DatabasePath}: it {problem}. CsBot has not changed the file. " +
            $"To recover, stop CsBot, keep the file and its log aside (e.g. mv {DatabasePath} {DatabasePath}.damaged; mv {log} {log}.damaged, if it exists), " +
            $"then copy your latest backup (with its own log, if you kept one) to {DatabasePath}, or start without a file to begin with an empty database. " +
            $"A log left beside a restored backup is replayed into it and damages it.", inner);
    }

    /// <summary>
    /// What is wrong with the store now, or null when it works: the data file's header, read from disk (LiteDB serves
    /// most reads from its cache, so a file damaged, deleted or locked under the running process would otherwise go
    /// unnoticed until a write), and one indexed query through LiteDB. Cheap enough for every health check.
    /// </summary>
    public string? CurrentProblem()
    {
        try
        {
            if (DatabaseFileCheck.HeaderProblem(DatabasePath) is { } problem) return $"The database file {DatabasePath} {problem}.";
            _ = Database.GetCollection(Accounts).Query().Limit(1).ToList();
            return null;
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or ObjectDisposedException or InvalidOperationException)
        {
            return $"The database {DatabasePath} does not answer queries: {ex.Message}";
        }
    }

    /// <summary>Full path of the data file.</summary>
    public string DatabasePath { get; }

    /// <summary>The write-ahead log LiteDB keeps beside <paramref name="databasePath"/> ("name-log.ext"), replayed into it on open.</summary>
    public static string LogPathOf(string databasePath) => DatabaseFileCheck.LogPathOf(databasePath);

    internal BsonMapper Mapper { get; }

    internal LiteDatabase Database
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _database;
        }
    }

    /// <summary>
    /// Serialises portfolio saves against portfolio reads. LiteDB gives each collection its own read snapshot, taken
    /// when a transaction first touches it, so without this a reader could see an account from before a concurrent
    /// save and its usage from after it. Reads share it; only <c>Save</c> takes it exclusively. It is always taken
    /// before any LiteDB lock and never held while callers' code runs, so it cannot deadlock with LiteDB's locks.
    /// </summary>
    internal ReaderWriterLockSlim PortfolioGate { get; } = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Score histories just read, for the save that follows (<see cref="RecentReads"/>); one per file.</summary>
    internal RecentReads RecentHistories { get; } = new(RecentReads.HistoryLimit);

    /// <summary>Scores saved as recent and not yet written into their accounts' documents (<see cref="LiteDb.ScoreJournal"/>); one per file.</summary>
    internal ScoreJournal ScoreJournal { get; } = new();

    /// <summary>What a recent score save needs of each account's stored scores (<see cref="LiteDb.ScoreHeads"/>); one per file.</summary>
    internal ScoreHeads ScoreHeads { get; } = new();

    /// <summary>Usage days saved and not yet written into their accounts' data documents (<see cref="LiteDb.UsageJournal"/>); one per file.</summary>
    internal UsageJournal UsageJournal { get; } = new();

    /// <summary>Account data documents an ingestion batch just read, for its save (<see cref="RecentReads"/>); one per file.</summary>
    internal RecentReads RecentData { get; } = new(RecentReads.DataLimit);

    internal ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>
    /// Runs <paramref name="write"/> in one LiteDB transaction: committed when it returns, rolled back when it throws,
    /// so a failure midway leaves the previous data intact.
    /// </summary>
    internal void InTransaction(Action write) => InTransaction(Database, write);

    /// <summary>Runs <paramref name="write"/> in one transaction of <paramref name="database"/>: committed whole or rolled back.</summary>
    internal static void InTransaction(LiteDatabase database, Action write)
    {
        // BeginTrans returns false when this thread already has a transaction open: joining it would make our
        // commit or rollback someone else's, so refuse instead.
        if (!database.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        try
        {
            write();
        }
        catch
        {
            database.Rollback();
            throw;
        }
        if (!database.Commit()) throw new InvalidOperationException("The LiteDB transaction could not be committed.");
    }

    /// <summary>
    /// Runs <paramref name="flush"/> with the database when the file is closed, before LiteDB is: a store that holds
    /// writes back (<see cref="ConversationContextWriteBehind"/>) writes them there, so closing loses none.
    /// </summary>
    internal void BeforeClose(Action<LiteDatabase> flush)
    {
        lock (_beforeClose) _beforeClose.Add(flush);
    }

    /// <summary>
    /// Makes every transaction committed so far survive the machine's crash, not only the process's. LiteDB 5.0.21
    /// writes a commit's pages to its log file before <c>Commit</c> returns (a process killed after it loses nothing;
    /// the next open replays the log), but leaves them in the operating system's cache; this flushes the log file to
    /// disk. A checkpoint did the same at the price of copying the whole log (up to <see cref="CheckpointPages"/>) into
    /// the data file and emptying LiteDB's page cache.
    /// </summary>
    public void FlushLogToDisk()
    {
        try
        {
            using var log = new FileStream(DatabaseFileCheck.LogPathOf(DatabasePath), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No log yet: what was committed went into the data file at a checkpoint, which LiteDB flushed to disk itself.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Action<LiteDatabase>[] flushes;
        lock (_beforeClose) flushes = [.. _beforeClose];
        foreach (var flush in flushes) flush(_database);
        _database.Dispose();
        _lock.Dispose();
        PortfolioGate.Dispose();
    }

    private static BsonMapper CreateMapper()
    {
        var mapper = NewMapper();
        // LiteDB builds a type's member map on first use and that step is not thread-safe: two threads saving a
        // document type for the first time at once can corrupt the map. Building every map here, once, avoids it.
        foreach (var type in typeof(LiteDbContext).Assembly.GetTypes().Where(t => t.Namespace == typeof(AlertDocument).Namespace && t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && t.GetConstructor(Type.EmptyTypes) is not null))
            mapper.ToDocument(type, Activator.CreateInstance(type));
        return mapper;
    }

    private static BsonMapper NewMapper() => new()
    {
        // Enums as their names: readable in the file and safe against reordering of enum members.
        EnumAsInteger = false,
        // The defaults would trim strings and turn "" into null; documents must round-trip exactly.
        TrimWhitespace = false,
        EmptyStringToNull = false,
        SerializeNullValues = false,
        IncludeFields = false,
    };

    private static void EnsureIndexes(LiteDatabase database)
    {
        // _id is always indexed; these serve look-ups by CRM id, name, segment and owner. Name and email are
        // indexed lower-cased because the collation is binary and people type them in any case.
        var accounts = database.GetCollection(Accounts);
        accounts.EnsureIndex("external_id", "$.ExternalId");
        accounts.EnsureIndex("name", "LOWER($.Name)");
        accounts.EnsureIndex("segment", "$.Segment");
        accounts.EnsureIndex("owner_email", "LOWER($.Owner.Email)");

        // The data documents are indexed by the external id they carry (DataExternalIdUpgrade): an ingestion batch names
        // its accounts by external id and reads their data documents to merge into, so it finds and reads them at once.

        var alerts = database.GetCollection(Alerts);
        alerts.EnsureIndex("account_id", "$.AccountId");
        // No query reads alerts by state (the open ones are told apart as they are read), and keeping an index costs
        // every write that changes the state: on LiteDB alone, 1,000 alerts resolved among 100k took a third longer
        // with it. Files that have it lose it when opened.
        alerts.DropIndex("state");
    }
}
