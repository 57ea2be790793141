namespace CsBot.Storage.Contract.Tests.Infrastructure;

/// <summary>
/// The base of every contract: a fresh set of <see cref="Stores"/> per test, from the store the subclass names.
/// </summary>
public abstract class ContractTest : IAsyncLifetime
{
    private Stores? _stores;

    protected Stores Stores => _stores ?? throw new InvalidOperationException("The stores open before each test.");

    protected abstract Task<Stores> OpenAsync();

    public async Task InitializeAsync() => _stores = await OpenAsync();

    public async Task DisposeAsync()
    {
        if (_stores is not null) await _stores.DisposeAsync();
    }
}
