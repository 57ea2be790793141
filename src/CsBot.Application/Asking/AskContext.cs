using CsBot.Application.Access;
using CsBot.Application.ReadModel;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>
/// Everything one answer needs: the question, who asked and their role, today, the data to answer from and the
/// currency its money is in.
/// </summary>
public sealed record AskContext(ParsedQuestion Question, Asker Asker, Role Role, DateOnly Today, PortfolioSnapshot Portfolio, ScoreSnapshot Scores, AlertSnapshot Alerts, AccessPolicy Access, string Currency)
{
    /// <summary>Which page of a list answer to show: 0 for the first rows, 1 after "show more", and so on.</summary>
    public int Page { get; init; }

    /// <summary>What the asker typed, matched against the accounts they may see (see <see cref="AccessPolicy.Visible"/>).</summary>
    public AccountMatch Match(string typed) => Access.Visible(Portfolio.Matcher.Match(typed), Role, Asker);

    /// <summary>
    /// True when the asker may see the account <paramref name="alert"/> is on. An alert whose account is gone is seen
    /// only by those who see every book.
    /// </summary>
    public bool MaySee(Alert alert) => Portfolio.AccountOf(alert.AccountId) is { } account
        ? Access.MaySee(account, Role, Asker)
        : Access.SeesEveryBook(Role);

    /// <summary>Null when the asker may see <paramref name="account"/>; otherwise why not.</summary>
    public string? Refusal(Account account) => Access.BookRefusal(account.Owner, Role, Asker);
}
