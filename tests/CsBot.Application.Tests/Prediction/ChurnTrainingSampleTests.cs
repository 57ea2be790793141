using CsBot.Application.Prediction;
using CsBot.Core.Signals;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Prediction;

/// <summary>
/// A portfolio above Prediction:MaxTrainingAccounts is learned from by a sample of about that many accounts, the same
/// accounts every time; within the limit every account is taken.
/// </summary>
public sealed class ChurnTrainingSampleTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);
    private static readonly IReadOnlyList<AccountSignals> Portfolio = DemoPortfolio.Generate(Today, 4_000);

    [Fact]
    public void Within_the_limit_every_account_is_taken()
    {
        var sample = ChurnTrainingSample.For(Portfolio.Count, new ChurnModelOptions { MaxTrainingAccounts = 4_000 });

        Assert.True(sample.IsWhole);
        Assert.Same(Portfolio, sample.Of(Portfolio));
    }

    [Fact]
    public void Above_the_limit_about_the_limit_is_taken_and_the_same_accounts_every_time()
    {
        var options = new ChurnModelOptions { MaxTrainingAccounts = 1_000 };

        var first = ChurnTrainingSample.For(Portfolio.Count, options).Of(Portfolio).Select(s => s.Account.Id).ToList();
        var again = ChurnTrainingSample.For(Portfolio.Count, options).Of(Portfolio).Select(s => s.Account.Id).ToList();

        Assert.InRange(first.Count, 850, 1_150);
        Assert.Equal(first, again);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void A_packed_portfolio_gives_the_same_sample_as_its_accounts()
    {
        var sample = ChurnTrainingSample.For(Portfolio.Count, new ChurnModelOptions { MaxTrainingAccounts = 1_000 });
        var packed = new PackedSignalsList([.. Portfolio.Select(PackedAccountSignals.Of)]);

        Assert.Equal(sample.Of(Portfolio).Select(s => s.Account.Id), sample.Of(packed).Select(s => s.Account.Id));
    }
}
