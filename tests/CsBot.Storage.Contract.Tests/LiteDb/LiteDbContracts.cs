using CsBot.Storage.Contract.Tests.Contracts;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.LiteDb;

// Each contract against the LiteDB stores over a real file.

public sealed class LiteDbPortfolioTests : PortfolioContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync();
}

public sealed class LiteDbScoreTests : ScoreContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync();
}

public sealed class LiteDbAlertTests : AlertContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync();
}

public sealed class LiteDbOutboxTests : OutboxContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync();
}

public sealed class LiteDbConversationTests : ConversationContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync();
}

public sealed class LiteDbSmallStoresTests : SmallStoresContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync();
}
