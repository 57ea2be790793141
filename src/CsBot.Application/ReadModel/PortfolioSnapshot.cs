using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Application.ReadModel;

/// <summary>Accounts and signals held in memory, with the lookups questions need. Immutable; replaced when data changes.</summary>
public sealed class PortfolioSnapshot
{
    public PortfolioSnapshot(IReadOnlyList<AccountSignals> signals)
    {
        Signals = signals;
        ById = signals.ToDictionary(s => s.Account.Id, StringComparer.Ordinal);
        Accounts = [.. signals.Select(s => s.Account)];
        Matcher = new AccountMatcher(Accounts);
        Segments = [.. Accounts.Select(a => a.Segment).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        Owners = [.. Accounts.Select(a => a.Owner).DistinctBy(p => p.Email.ToLowerInvariant()).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<AccountSignals> Signals { get; }
    public IReadOnlyDictionary<string, AccountSignals> ById { get; }
    public IReadOnlyList<Account> Accounts { get; }
    public AccountMatcher Matcher { get; }
    public IReadOnlyList<string> Segments { get; }
    public IReadOnlyList<Person> Owners { get; }
}
