using CsBot.Core.Signals;
using CsBot.DemoData.Internal;

namespace CsBot.DemoData;

/// <summary>A generated account with the scenario it was generated to show.</summary>
public sealed record DemoAccount(AccountSignals Signals, DemoScenarioKind Scenario);

/// <summary>
/// A realistic, deterministic demo portfolio: the named accounts of <see cref="DemoScenarios"/> first (acc-0001...), then
/// generated Enterprise / Mid-Market / SMB accounts, about 70% healthy, 30% split over the at-risk scenarios, and about
/// 12% of them churned in the past two years. Pure: no I/O, no clock, no shared state.
/// </summary>
public static class DemoPortfolio
{
    /// <summary>Days of daily usage per active account, ending on the generation day (fewer for accounts younger than that).</summary>
    public const int UsageDays = 180;

    /// <summary>Days of ticket, survey and invoice history (revenue events and renewal outcomes go back to each account's start).</summary>
    public const int HistoryDays = 730;

    /// <summary>
    /// Builds the portfolio as of <paramref name="today"/>. The same (today, accountCount, seed) always gives the same
    /// portfolio; each account's data depends only on (today, seed, its number), so a larger portfolio extends a smaller one.
    /// Linear in <paramref name="accountCount"/>. Counts below the number of named accounts return the first named accounts.
    /// </summary>
    public static IReadOnlyList<AccountSignals> Generate(DateOnly today, int accountCount = 200, int seed = 42) =>
        Build(today, accountCount, seed, (signals, _) => signals);

    /// <summary>As <see cref="Generate"/>, with each account's scenario, so tests can check generated accounts too.</summary>
    public static IReadOnlyList<DemoAccount> GenerateWithScenarios(DateOnly today, int accountCount = 200, int seed = 42) =>
        Build(today, accountCount, seed, (signals, kind) => new DemoAccount(signals, kind));

    private static T[] Build<T>(DateOnly today, int accountCount, int seed, Func<AccountSignals, DemoScenarioKind, T> project)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountCount);
        var nameOffset = new Random(seed).Next(CompanyNames.CombinationCount);
        var portfolio = new T[accountCount];

        void BuildOne(int i)
        {
            var number = i + 1;
            var rng = new DemoRandom(DemoRandom.DeriveSeed(seed, number));
            var plan = PortfolioPlanner.Plan(number, today, nameOffset, rng);
            portfolio[i] = project(SignalBuilder.Build(plan, today, rng), plan.Kind);
        }

        // Every account has its own random stream and its own slot, so building in parallel gives the same result.
        if (accountCount >= 2_000) Parallel.For(0, accountCount, BuildOne);
        else for (var i = 0; i < accountCount; i++) BuildOne(i);
        return portfolio;
    }
}
