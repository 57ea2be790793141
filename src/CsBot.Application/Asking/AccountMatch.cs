using CsBot.Core.Accounts;

namespace CsBot.Application.Asking;

public enum MatchOutcome
{
    Found,
    Ambiguous,
    NotFound,
}

/// <summary>
/// The result of looking up an account by what someone typed: one account, several close candidates to choose
/// from, or none with the nearest suggestions.
/// </summary>
public sealed record AccountMatch(MatchOutcome Outcome, Account? Account, IReadOnlyList<Account> Candidates)
{
    public static AccountMatch Found(Account account) => new(MatchOutcome.Found, account, [account]);
    public static AccountMatch Ambiguous(IReadOnlyList<Account> candidates) => new(MatchOutcome.Ambiguous, null, candidates);
    public static AccountMatch NotFound(IReadOnlyList<Account> suggestions) => new(MatchOutcome.NotFound, null, suggestions);
}
