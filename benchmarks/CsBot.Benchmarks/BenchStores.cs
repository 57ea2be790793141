using CsBot.Application.ReadModel;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb;
using CsBot.Storage.PostgreSql;

namespace CsBot.Benchmarks;

/// <summary>
/// The stores a timed run works on, as the host wires them (portfolio, scores and alerts behind the observing
/// wrappers; the outbox and conversation contexts of the same store), on a LiteDB file or a PostgreSQL database, so
/// the evaluation, ingestion and latency runs measure either store with the same code.
/// </summary>
internal sealed class BenchStores : IDisposable
{
    private readonly Func<TimeProvider, IOutbox> _outbox;
    private readonly Func<TimeProvider, IConversationContexts> _contexts;
    private readonly Action _dispose;

    private BenchStores(string name, string where, IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts,
        Func<TimeProvider, IOutbox> outbox, Func<TimeProvider, IConversationContexts> contexts, DataVersions versions, Action dispose)
    {
        Name = name;
        Where = where;
        Versions = versions;
        Portfolio = new ObservedPortfolioStore(portfolio, versions);
        Scores = new ObservedScoreStore(scores, versions);
        Alerts = new ObservedAlertStore(alerts, versions);
        _outbox = outbox;
        _contexts = contexts;
        _dispose = dispose;
    }

    /// <summary>"LiteDB" or "PostgreSQL", for the printed lines.</summary>
    public string Name { get; }
    /// <summary>The file or the database, without credentials.</summary>
    public string Where { get; }
    public DataVersions Versions { get; }
    public IPortfolioStore Portfolio { get; }
    public IScoreStore Scores { get; }
    public IAlertStore Alerts { get; }
    /// <summary>The database server's CPU time so far, when it runs on this machine (<see cref="BenchPostgreSql.ServerCpu"/>); null for LiteDB, which works in this process.</summary>
    public Func<TimeSpan>? ServerCpu { get; private init; }

    public IOutbox Outbox(TimeProvider time) => _outbox(time);

    public IConversationContexts Contexts(TimeProvider time) => _contexts(time);

    /// <summary>The LiteDB file at <paramref name="path"/>, created when missing; <paramref name="dispose"/> runs after it is closed.</summary>
    public static BenchStores LiteDb(string path, Action? dispose = null)
    {
        var context = new LiteDbContext(path);
        return new BenchStores("LiteDB", path, new LiteDbPortfolioStore(context), new LiteDbScoreStore(context), new LiteDbAlertStore(context),
            time => new LiteDbOutbox(context, time), time => new LiteDbConversationContexts(context, time), new DataVersions(),
            () =>
            {
                context.Dispose();
                dispose?.Invoke();
            });
    }

    /// <summary>A LiteDB file in a folder of its own under the temp folder, deleted with the stores.</summary>
    public static BenchStores TemporaryLiteDb()
    {
        var folder = Directory.CreateTempSubdirectory("csbot-bench-").FullName;
        return LiteDb(Path.Combine(folder, "csbot.db"), () => Directory.Delete(folder, recursive: true));
    }

    /// <summary>
    /// Database <paramref name="name"/> on the server of <paramref name="server"/>, migrated: created when missing,
    /// kept when <paramref name="keep"/> (seeding 100k accounts takes minutes, so later runs reuse it), otherwise
    /// dropped with the stores and created afresh each time.
    /// </summary>
    public static BenchStores PostgreSql(string server, string name, bool keep)
    {
        var connection = BenchPostgreSql.Database(server, name, fresh: !keep);
        var database = new PostgreSqlDatabase(connection);
        SchemaMigrator.Migrate(database);
        return new BenchStores("PostgreSQL", database.Description, new PostgreSqlPortfolioStore(database), new PostgreSqlScoreStore(database),
            new PostgreSqlAlertStore(database), time => new PostgreSqlOutbox(database, time), time => new PostgreSqlConversationContexts(database, time),
            // As the host registers them for PostgreSQL: other instances may write the store.
            new DataVersions { SharedStore = true },
            () =>
            {
                database.Dispose();
                if (!keep) BenchPostgreSql.Drop(server, name);
            }) { ServerCpu = BenchPostgreSql.ServerCpu(connection) };
    }

    public void Dispose() => _dispose();
}
