using System.Collections.Concurrent;
using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;

namespace CsBot.Application.ReadModel;

/// <summary>Accounts and signals held in memory, with the lookups questions need. Immutable; replaced when data changes.</summary>
public sealed class PortfolioSnapshot
{
    /// <summary>Distinct metric questions remembered per snapshot; past this the memory is cleared and refilled.</summary>
    public const int MaxCachedMetrics = 512;

    private readonly Dictionary<string, Invoice[]> _mayBeOverdue;
    private readonly ConcurrentDictionary<MetricKey, MetricResult> _metrics = new();
    private volatile ActiveAccounts? _active;

    public PortfolioSnapshot(IReadOnlyList<AccountSignals> signals)
    {
        Signals = signals;
        ById = signals.ToDictionary(s => s.Account.Id, StringComparer.Ordinal);
        Accounts = [.. signals.Select(s => s.Account)];
        Matcher = new AccountMatcher(Accounts);
        Segments = [.. Accounts.Select(a => a.Segment).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        Owners = [.. Accounts.Select(a => a.Owner).DistinctBy(p => p.Email.ToLowerInvariant()).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
        ManagerEmails = Accounts.Where(a => a.Manager is not null).Select(a => a.Manager!.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // An invoice paid by its due date is never overdue on any day, so only the others need looking at.
        _mayBeOverdue = signals
            .Select(s => (s.Account.Id, Invoices: s.Invoices.Where(i => i.PaidOn is not { } paid || paid > i.DueDate).ToArray()))
            .Where(x => x.Invoices.Length > 0)
            .ToDictionary(x => x.Id, x => x.Invoices, StringComparer.Ordinal);
    }

    public IReadOnlyList<AccountSignals> Signals { get; }
    public IReadOnlyDictionary<string, AccountSignals> ById { get; }
    public IReadOnlyList<Account> Accounts { get; }
    public AccountMatcher Matcher { get; }
    public IReadOnlyList<string> Segments { get; }
    public IReadOnlyList<Person> Owners { get; }
    /// <summary>Everyone named as an account's manager: they count as managers when they ask.</summary>
    public IReadOnlySet<string> ManagerEmails { get; }

    /// <summary>The accounts active on <paramref name="day"/>, in portfolio order; the last day asked is remembered.</summary>
    public IReadOnlyList<Account> ActiveOn(DateOnly day)
    {
        var last = _active;
        if (last is not null && last.Day == day) return last.Accounts;
        var active = new ActiveAccounts(day, [.. Accounts.Where(a => a.IsActiveOn(day))]);
        _active = active;
        return active.Accounts;
    }

    /// <summary>The account's invoices that are, were or may become overdue (not paid by their due date), in stored order.</summary>
    public IReadOnlyList<Invoice> InvoicesMayBeOverdue(string accountId) => _mayBeOverdue.TryGetValue(accountId, out var invoices) ? invoices : [];

    /// <summary>
    /// <paramref name="calculator"/>'s result for this portfolio, worked out once per (metric, period, segment): a metric
    /// reads every account's history, and the snapshot, hence the answer, only changes when the portfolio is written
    /// or (for the renewal rate) the day changes.
    /// </summary>
    public MetricResult Metric(MetricsCalculator calculator, MetricKind metric, DateRange period, string? segment)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        // The renewal rate derives outcomes for renewal dates that have passed, so a new day can change it.
        var key = new MetricKey(calculator, metric, period, segment, calculator.Today());
        if (_metrics.TryGetValue(key, out var cached)) return cached;
        var result = calculator.Compute(metric, Signals, period, segment);
        if (_metrics.Count >= MaxCachedMetrics) _metrics.Clear();
        _metrics[key] = result;
        return result;
    }

    private sealed record ActiveAccounts(DateOnly Day, Account[] Accounts);

    private readonly record struct MetricKey(MetricsCalculator Calculator, MetricKind Metric, DateRange Period, string? Segment, DateOnly Today);
}
