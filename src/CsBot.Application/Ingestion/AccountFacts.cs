using System.Globalization;
using CsBot.Core.Accounts;
using CsBot.Core.Formatting;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;

namespace CsBot.Application.Ingestion;

/// <summary>
/// The rule between an account's own fields and its revenue events, which are two sources for the same facts.
/// MRR: revenue metrics use only what the events add up to; answers show ARR from the account's mrr. The two are
/// compared after every write and a difference of more than <see cref="MrrTolerance"/> is a warning in the response.
/// Churn: when the CRM does not send churnedOn, the last churn event (not followed by a new or reactivation event) sets it.
/// </summary>
internal static class AccountFacts
{
    /// <summary>Differences up to this much are rounding (amounts kept to whole units on one side, cents on the other).</summary>
    public const decimal MrrTolerance = 1m;

    /// <summary>
    /// The account with churnedOn taken from its events when the CRM left it empty, or when it was one the events had
    /// set and later events moved (a reactivation clears it, a later churn replaces it).
    /// </summary>
    public static Account WithChurnFromEvents(Account account, IReadOnlyList<RevenueEvent> events)
    {
        var fromEvents = ChurnFromEvents.LastChurn(events);
        if (account.ChurnedOn is null) return fromEvents is null ? account : account with { ChurnedOn = fromEvents };
        var setByEvent = events.Any(e => e.Kind == RevenueEventKind.Churn && e.Date == account.ChurnedOn);
        return setByEvent && fromEvents != account.ChurnedOn ? account with { ChurnedOn = fromEvents } : account;
    }

    /// <summary>A warning when the account's mrr and the MRR its revenue events add up to by the end of <paramref name="today"/> disagree.</summary>
    public static RecordWarning? MrrMismatch(AccountSignals signals, DateOnly today, string currency)
    {
        if (signals.RevenueEvents.Count == 0) return null;
        var implied = RevenueMovements.MrrAt(signals, today.AddDays(1));
        var mrr = signals.Account.Mrr;
        if (Math.Abs(mrr - implied) <= MrrTolerance) return null;
        return new RecordWarning(signals.Account.ExternalId, "mrr",
            $"is {Amount(mrr, currency)}, but its revenue events add up to {Amount(implied, currency)} MRR as of {Format.Date(today)}; " +
            "revenue metrics use the events and answers show ARR from mrr, so send the missing events or correct mrr");
    }

    private static string Amount(decimal value, string currency) => value.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + currency;
}
