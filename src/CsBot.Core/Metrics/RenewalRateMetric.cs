using CsBot.Core.Formatting;
using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>
/// Renewal rate = contracts renewed (downgrades included) / contracts up for renewal in the period, over the outcomes
/// customers sent where there are any and derived ones otherwise (<see cref="RenewalsDue"/>). The note says which were
/// used and names the contracts that came due without a sent outcome.
/// </summary>
internal static class RenewalRateMetric
{
    /// <summary>How many contracts a note names before "and N more".</summary>
    public const int NamedInNote = 10;

    public static MetricResult Compute(MetricContext ctx, IEnumerable<AccountSignals> accounts, DateOnly today)
    {
        var all = RenewalsDue.In(accounts, ctx.Period, today);
        var decided = all.Where(d => d.Source != RenewalSource.NotYetDue).ToList();
        var later = all.Where(d => d.Source == RenewalSource.NotYetDue).OrderBy(d => d.Date).ThenBy(d => d.Account.Name, StringComparer.OrdinalIgnoreCase).ToList();
        int renewed = decided.Count(d => d.Result == RenewalResult.Renewed);
        int downgraded = decided.Count(d => d.Result == RenewalResult.Downgraded);
        int churned = decided.Count(d => d.Result == RenewalResult.Churned);
        int sent = decided.Count(d => d.Source == RenewalSource.Sent);
        var derived = decided.Where(d => d.Source == RenewalSource.Derived).OrderBy(d => d.Date).ThenBy(d => d.Account.Name, StringComparer.OrdinalIgnoreCase).ToList();
        decimal mrrBefore = decided.Sum(d => d.MrrBefore), mrrAfter = decided.Sum(d => d.MrrAfter);
        var due = decided.Count;
        var kept = renewed + downgraded;

        MetricInput[] inputs =
        [
            Fmt.Count("renewed", kept),
            Fmt.Count("of which downgraded", downgraded),
            Fmt.Count("not renewed", churned),
            Fmt.Count("up for renewal", due),
            Fmt.Money("MRR up for renewal", mrrBefore),
            Fmt.Money("MRR after renewal", mrrAfter),
            Fmt.Count("outcomes sent", sent),
            Fmt.Count("outcomes derived", derived.Count),
        ];
        var formula = $"{ctx.Name} = renewed / up for renewal";
        if (due == 0)
            return ctx.Unavailable(later.Count == 0
                ? "No contracts came up for renewal in the period."
                : $"No contract has come up for renewal in the period yet; {ComeDue(later.Count)} later in it: {Names(later, _ => "")}.",
                formula, inputs);

        var exact = Fmt.ExactPercent(kept, due);
        var value = Fmt.RoundPercent(exact);
        var notes = new List<string>
        {
            // Money stays in the inputs, which answers leave out for whoever may not see revenue.
            $"{Format.Count(kept)} renewed of {Format.Count(due)} due" + (downgraded > 0 ? $" ({Format.Count(downgraded)} downgraded)." : "."),
            Source(sent, derived.Count),
        };
        if (derived.Count > 0)
            notes.Add($"Came due without an outcome, so derived: {Names(derived, Outcome)}. " +
                      $"A contract renewed when the account kept paying past its renewal date, and did not when it churned on that date or within {RenewalsDue.ChurnWindowDays} days after; monthly contracts are not renewals.");
        if (later.Count > 0)
            notes.Add($"Not counted yet, {ComeDue(later.Count)} later in the period: {Names(later, _ => "")}.");
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = renewed {Format.Number(kept)} / up for renewal {Format.Number(due)}",
            inputs, string.Join(" ", notes));
    }

    private static string Source(int sent, int derived) => (sent, derived) switch
    {
        (_, 0) => "From the renewal outcomes sent.",
        (0, _) => "No renewal outcomes were sent for these contracts, so all were derived from the account data.",
        _ => $"From {Format.Count(sent)} renewal outcome{(sent == 1 ? "" : "s")} sent and {Format.Count(derived)} derived from the account data.",
    };

    private static string ComeDue(int n) => n == 1 ? "1 contract comes due" : $"{Format.Count(n)} contracts come due";

    private static string Outcome(DueRenewal d) => d.Result switch
    {
        RenewalResult.Churned => $": not renewed, churned {Format.Date(d.ChurnedOn ?? d.Date)}",
        RenewalResult.Downgraded => ": downgraded",
        _ => ": renewed",
    };

    private static string Names(IReadOnlyList<DueRenewal> contracts, Func<DueRenewal, string> what)
    {
        var named = string.Join(", ", contracts.Take(NamedInNote).Select(d => $"{d.Account.Name} ({Format.Date(d.Date)}{what(d)})"));
        return contracts.Count > NamedInNote ? $"{named} and {Format.Count(contracts.Count - NamedInNote)} more" : named;
    }
}
