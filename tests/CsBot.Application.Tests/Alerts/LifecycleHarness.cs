using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CsBot.Application.Tests.Alerts;

/// <summary>
/// The alert lifecycle with the real reconciler, planner, notifier and action service over in-memory stores and a
/// recording outbox: a test feeds rule hits per evaluation, moves the clock, presses buttons and reads what was queued.
/// </summary>
internal sealed class LifecycleHarness
{
    public static readonly Person Dana = new("Dana Whitfield", "dana@csbot.example");
    public static readonly Person Priya = new("Priya Raman", "priya@csbot.example");
    public static readonly Person Elena = new("Elena Novak", "elena@csbot.example");

    /// <summary>Wednesday 2026-11-25 10:00 UTC: a working morning in the UTC business zone.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public LifecycleHarness(AlertingOptions? options = null, params Account[] accounts)
        : this(options, null, accounts)
    {
    }

    public LifecycleHarness(AlertingOptions? options, IRecipientTimeZones? platformZones, params Account[] accounts)
    {
        Options = options ?? new AlertingOptions();
        foreach (var account in accounts.Length > 0 ? accounts : DefaultAccounts()) Accounts[account.Id] = account;
        var clock = new BusinessClock(Time, TimeZoneInfo.Utc);
        Notifier = new AlertNotifier(Outbox, Alerts, new NotificationPlanner(Options, TimeZoneInfo.Utc, platformZones ?? new NoRecipientTimeZones()), new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
        var portfolio = Substitute.For<IPortfolioStore>();
        portfolio.GetAccount(Arg.Any<string>()).Returns(call => Accounts.GetValueOrDefault(call.Arg<string>()));
        portfolio.LoadAllSignals().Returns(_ => Accounts.Values.Select(a => new AccountSignals { Account = a }).ToList());
        var view = new PortfolioView(portfolio, Substitute.For<IScoreStore>(), Alerts, new DataVersions());
        Actions = new AlertActionService(Alerts, portfolio, view, new AccessPolicy(Access), clock);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public AccessOptions Access { get; } = new();
    public AlertingOptions Options { get; }
    public Dictionary<string, Account> Accounts { get; } = new(StringComparer.Ordinal);
    public InMemoryAlertStore Alerts { get; } = new();
    public RecordingOutbox Outbox { get; } = new();
    public AlertNotifier Notifier { get; }
    public AlertActionService Actions { get; }

    public static Account Account(string id, string name, Person owner, string segment = "Enterprise", Person? manager = null, DateOnly? renewal = null) => new()
    {
        Id = id,
        ExternalId = "CRM-" + id,
        Name = name,
        Segment = segment,
        Mrr = 5_000m,
        Owner = owner,
        Manager = manager ?? Elena,
        RenewalDate = renewal,
    };

    public static RuleHit Hit(string account, string rule = "usage-cliff", Severity severity = Severity.Warning, string reason = "active users down 62% (48 -> 18) vs 28-day baseline") =>
        new(rule, RuleKind.UsageDrop, severity, account, reason, 62);

    /// <summary>
    /// One evaluation of every account with exactly these hits; returns the messages it queued. As the evaluation does,
    /// the notifier is handed only the still-firing alerts it may act on (<see cref="AlertNotifier.MayAct"/>), so every
    /// lifecycle test also checks that nothing it would have told is passed over.
    /// </summary>
    public IReadOnlyList<Queued> Evaluate(params RuleHit[] hits)
    {
        var before = Outbox.Messages.Count;
        var changes = AlertReconciler.Reconcile(Alerts.GetOpen(), hits, Accounts.Keys.ToHashSet(), Time.GetUtcNow());
        Alerts.Upsert(changes.All);
        changes = changes with { Refreshed = [.. changes.Refreshed.Where(Notifier.MayAct)] };
        Notifier.NotifyAsync(changes, Accounts, _ => null, CancellationToken.None).GetAwaiter().GetResult();
        return Outbox.Messages.Skip(before).ToList();
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    private static IEnumerable<Account> DefaultAccounts() =>
    [
        Account("acc-1", "Initech", Dana, "Enterprise"),
        Account("acc-2", "Globex", Dana, "Enterprise"),
        Account("acc-3", "Hooli", Priya, "Mid-Market"),
    ];
}
