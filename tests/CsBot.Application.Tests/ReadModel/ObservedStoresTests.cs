using CsBot.Application.ReadModel;
using CsBot.Core.Accounts;
using CsBot.Core.Ports;
using NSubstitute;

namespace CsBot.Application.Tests.ReadModel;

public sealed class ObservedStoresTests
{
    // Ingestion looks up every record of a batch by its CRM id through this wrapper. When the wrapper fell back to the
    // interface's scanning default, each look-up read and deserialised the whole stored portfolio (28 s for 1,000
    // accounts with 5,000 stored), so a batch's cost grew with the portfolio instead of with the batch.
    [Fact]
    public void Looking_up_an_account_by_crm_id_uses_the_stores_own_lookup_and_reads_no_other_account()
    {
        var inner = Substitute.For<IPortfolioStore>();
        var acme = new Account { Id = "acc-1", ExternalId = "crm-1", Name = "Acme Corp", Owner = new Person("Dana", "dana@example.com") };
        inner.FindByExternalId("crm-1").Returns(acme);
        var observed = new ObservedPortfolioStore(inner, new DataVersions());

        var found = ((IPortfolioStore)observed).FindByExternalId("crm-1");

        Assert.Same(acme, found);
        inner.DidNotReceive().GetAccounts();
        inner.DidNotReceive().LoadAllSignals();
    }
}
