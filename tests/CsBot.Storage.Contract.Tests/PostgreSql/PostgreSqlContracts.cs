using CsBot.Storage.Contract.Tests.Contracts;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.PostgreSql;

// Each contract against the PostgreSQL stores, each test on a fresh database of the test server.

[NeedsPostgreSql]
public sealed class PostgreSqlPortfolioTests : PortfolioContract
{
    protected override Task<Stores> OpenAsync() => PostgreSqlStores.OpenAsync();
}

[NeedsPostgreSql]
public sealed class PostgreSqlScoreTests : ScoreContract
{
    protected override Task<Stores> OpenAsync() => PostgreSqlStores.OpenAsync();
}

[NeedsPostgreSql]
public sealed class PostgreSqlAlertTests : AlertContract
{
    protected override Task<Stores> OpenAsync() => PostgreSqlStores.OpenAsync();
}

[NeedsPostgreSql]
public sealed class PostgreSqlOutboxTests : OutboxContract
{
    protected override Task<Stores> OpenAsync() => PostgreSqlStores.OpenAsync();
}

[NeedsPostgreSql]
public sealed class PostgreSqlConversationTests : ConversationContract
{
    protected override Task<Stores> OpenAsync() => PostgreSqlStores.OpenAsync();
}

[NeedsPostgreSql]
public sealed class PostgreSqlSmallStoresTests : SmallStoresContract
{
    protected override Task<Stores> OpenAsync() => PostgreSqlStores.OpenAsync();
}
