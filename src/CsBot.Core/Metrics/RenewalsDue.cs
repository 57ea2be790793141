using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>
/// The contracts that came up for renewal in a period, each with its outcome: the one the customer sent where there
/// is one, else one derived from the account's own data. The rules of derivation:
/// <list type="bullet">
/// <item>A contract's renewal dates are its <see cref="Account.RenewalDate"/> and that date moved by whole contract
/// terms (<see cref="Account.TermMonths"/>) backwards and forwards, after the start date and not after a churn.
/// Monthly contracts are not renewals; a multi-year contract without a term has only its renewal date.</item>
/// <item>It did not renew when the account churned (<see cref="Account.ChurnedOn"/> or a churn revenue event) on
/// its renewal date or within <see cref="ChurnWindowDays"/> days after it.</item>
/// <item>Otherwise, once the date has passed, the account kept paying: it renewed, as "downgraded" when its MRR at
/// the end of that window (or today, if sooner) is below its MRR on the renewal date.</item>
/// <item>A sent outcome dated within <see cref="MatchDays"/> days of a renewal date stands for it.</item>
/// </list>
/// </summary>
public static class RenewalsDue
{
    /// <summary>A churn this many days after a renewal date still counts as not renewing it.</summary>
    public const int ChurnWindowDays = 30;

    /// <summary>How far a sent outcome's date may be from a scheduled renewal date and still be its outcome.</summary>
    public const int MatchDays = 31;

    public static IReadOnlyList<DueRenewal> In(IEnumerable<AccountSignals> portfolio, DateRange period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var due = new List<DueRenewal>();
        foreach (var signals in portfolio) due.AddRange(Of(signals, period, today));
        return due;
    }

    public static IEnumerable<DueRenewal> Of(AccountSignals signals, DateRange period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var account = signals.Account;
        foreach (var sent in signals.RenewalOutcomes)
            if (period.Contains(sent.RenewalDate))
                yield return new DueRenewal(account, sent.RenewalDate, RenewalSource.Sent, sent.Result, sent.MrrBefore, sent.MrrAfter);

        var churn = ChurnDate(signals);
        foreach (var date in Dates(account, period, churn))
        {
            if (signals.RenewalOutcomes.Any(o => Math.Abs(o.RenewalDate.DayNumber - date.DayNumber) <= MatchDays)) continue;
            var before = MrrAt(signals, date);
            if (churn is { } c && c >= date && c.DayNumber - date.DayNumber <= ChurnWindowDays)
                yield return new DueRenewal(account, date, RenewalSource.Derived, RenewalResult.Churned, before, 0m, c);
            else if (date >= today)
                yield return new DueRenewal(account, date, RenewalSource.NotYetDue, null, before, before);
            else
            {
                var windowEnd = date.AddDays(ChurnWindowDays + 1);
                var after = MrrAt(signals, windowEnd < today ? windowEnd : today);
                var result = after < before ? RenewalResult.Downgraded : RenewalResult.Renewed;
                yield return new DueRenewal(account, date, RenewalSource.Derived, result, before, after);
            }
        }
    }

    /// <summary>The scheduled renewal dates of <paramref name="account"/> inside <paramref name="period"/> (see the class remarks).</summary>
    public static IEnumerable<DateOnly> Dates(Account account, DateRange period, DateOnly? churnedOn)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.ContractKind == ContractKind.Monthly || account.RenewalDate is not { } anchor) yield break;
        bool Counts(DateOnly d) => period.Contains(d) && d > account.StartDate && (churnedOn is not { } c || c >= d);
        if (account.TermMonths is not { } term)
        {
            if (Counts(anchor)) yield return anchor;
            yield break;
        }
        // Every anchor + k terms that can fall in the period; each computed from the anchor so month ends do not drift.
        var first = ((period.From.Year - anchor.Year) * 12 + period.From.Month - anchor.Month) / term - 1;
        var last = ((period.To.Year - anchor.Year) * 12 + period.To.Month - anchor.Month) / term + 1;
        for (var k = first; k <= last; k++)
        {
            var month = anchor.Year * 12L + anchor.Month - 1 + (long)k * term;
            if (month < 12 || month >= 9999 * 12) continue; // outside what a date can hold
            var date = anchor.AddMonths(k * term);
            if (Counts(date)) yield return date;
        }
    }

    /// <summary>When the account stopped being a customer: its churnedOn, else its last churn event not followed by a new or reactivation one.</summary>
    public static DateOnly? ChurnDate(AccountSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.Account.ChurnedOn ?? ChurnFromEvents.LastChurn(signals.RevenueEvents);
    }

    /// <summary>MRR at the start of <paramref name="day"/> from revenue events; the account's own MRR when it has none.</summary>
    private static decimal MrrAt(AccountSignals signals, DateOnly day) =>
        signals.RevenueEvents.Count == 0 ? signals.Account.Mrr : RevenueMovements.MrrAt(signals, day);
}
