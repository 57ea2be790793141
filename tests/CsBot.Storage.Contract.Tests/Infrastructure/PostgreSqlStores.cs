using CsBot.Core.Ports;
using CsBot.Storage.PostgreSql;
using CsBot.Testing.PostgreSql;

namespace CsBot.Storage.Contract.Tests.Infrastructure;

/// <summary>The PostgreSQL stores over a fresh database on the test server, migrated as CsBot does at start-up, dropped on dispose.</summary>
public sealed class PostgreSqlStores : Stores
{
    private readonly TestDatabase? _testDatabase;
    private readonly PostgreSqlDatabase _database;
    private readonly List<PostgreSqlStores> _others = [];

    private PostgreSqlStores(PostgreSqlDatabase database, TestDatabase? testDatabase)
    {
        _database = database;
        _testDatabase = testDatabase;
        Portfolio = new PostgreSqlPortfolioStore(database);
        Scores = new PostgreSqlScoreStore(database);
        Alerts = new PostgreSqlAlertStore(database);
        Reminders = new PostgreSqlReminderLedger(database);
        Conversations = new PostgreSqlConversationStore(database);
        Outbox = new PostgreSqlOutbox(database, Time);
        ChurnModels = new PostgreSqlChurnModelStore(database);
        DigestSlots = new PostgreSqlDigestSlotLedger(database);
        Digests = new PostgreSqlDigestSubscriptions(database);
        InboundEvents = new PostgreSqlInboundEventLog(database);
        Contexts = new PostgreSqlConversationContexts(database, Time);
    }

    public static async Task<Stores> OpenAsync()
    {
        var testDatabase = await TestDatabase.CreateAsync();
        var database = new PostgreSqlDatabase(testDatabase.ConnectionString);
        SchemaMigrator.Migrate(database);
        return new PostgreSqlStores(database, testDatabase);
    }

    public string ConnectionString => _testDatabase?.ConnectionString ?? throw new InvalidOperationException("Only the first set knows its test database.");

    public override IPortfolioStore Portfolio { get; }
    public override IScoreStore Scores { get; }
    public override IAlertStore Alerts { get; }
    public override IReminderLedger Reminders { get; }
    public override IConversationStore Conversations { get; }
    public override IOutboxStore Outbox { get; }
    public override IDigestSubscriptions Digests { get; }
    public override IChurnModelStore ChurnModels { get; }
    public override IDigestSlotLedger DigestSlots { get; }
    public override IInboundEventLog InboundEvents { get; }
    public override IConversationContexts Contexts { get; }

    /// <summary>Another connection pool on the same database, as a second CsBot process has.</summary>
    public override Stores OpenAnother()
    {
        var other = new PostgreSqlStores(new PostgreSqlDatabase(ConnectionString), null);
        _others.Add(other);
        return other;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var other in _others) other._database.Dispose();
        _database.Dispose();
        if (_testDatabase is not null) await _testDatabase.DisposeAsync();
    }
}
