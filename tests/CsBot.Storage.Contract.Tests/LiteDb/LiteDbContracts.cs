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

/// <summary>The score contract with every save made as recent: the journal's entries must read back as whole saves do.</summary>
public sealed class LiteDbRecentScoreTests : ScoreContract
{
    protected override Task<Stores> OpenAsync() => LiteDbStores.OpenAsync(recentScoreSaves: true);
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
