using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;

namespace CsBot.Application.Access;

/// <summary>
/// Decides what an asker may see and do: the one place that answers "may this asker see account X, see revenue,
/// act on alert Y", for typed questions, buttons, cards, the playground and the API alike. Roles come from
/// configuration; anyone named as an account's manager is a manager too. Acting on an alert needs exactly the right
/// to see its account, so nobody can change what they are not allowed to read. Every refusal carries a sentence
/// saying why, so the asker is never left guessing, and none carries the numbers it refuses to show.
/// </summary>
public sealed class AccessPolicy(AccessOptions options)
{
    private static readonly HashSet<MetricKind> RevenueMetrics =
    [
        MetricKind.GrossRevenueChurn, MetricKind.NetRevenueChurn, MetricKind.GrossRevenueRetention, MetricKind.NetRevenueRetention,
        MetricKind.ExpansionRevenueRate, MetricKind.CustomerLifetimeValue, MetricKind.QuickRatio,
    ];

    /// <param name="managerEmails">Emails of everyone named as an account's manager, compared without case.</param>
    public Role RoleOf(Asker asker, IReadOnlySet<string> managerEmails)
    {
        if (asker.Platform == "local") return options.LocalRole;
        if (Listed(options.Admins, asker)) return Role.Admin;
        if (Listed(options.Managers, asker)) return Role.Manager;
        if (asker.Email is { } email && managerEmails.Contains(email)) return Role.Manager;
        return Role.Csm;
    }

    /// <summary>Null when allowed; otherwise why not.</summary>
    public string? MetricRefusal(MetricKind metric, Role role, Asker asker)
    {
        if (!RevenueMetrics.Contains(metric) || RevenueRefusal(role, asker) is null) return null;
        var name = MetricNames.Name(metric);
        return role == Role.Csm
            ? $"{name} is a revenue metric, which only managers can see here."
            : $"{name} is a revenue metric; ask me in a direct message so it is not shown to the whole channel.";
    }

    /// <summary>
    /// Null when revenue figures may be shown to this asker here; otherwise why they are left out. Answers that are
    /// not revenue metrics themselves but carry money (the MRR up for renewal behind the renewal rate) drop those
    /// figures and say this instead.
    /// </summary>
    public string? RevenueRefusal(Role role, Asker asker)
    {
        if (!options.RestrictRevenueMetrics) return null;
        if (role == Role.Csm) return "Revenue figures are left out: only managers can see them here.";
        if (asker.InSharedChannel) return "Revenue figures are left out in a shared channel; ask me in a direct message to see them.";
        return null;
    }

    /// <summary>Null when allowed to see accounts owned by <paramref name="owner"/>; otherwise why not.</summary>
    public string? BookRefusal(Person owner, Role role, Asker asker)
    {
        if (SeesEveryBook(role)) return null;
        if (IsSelf(owner, asker)) return null;
        return $"Accounts owned by {owner.Name} are visible to their owner and to managers only.";
    }

    public bool MaySee(Account account, Role role, Asker asker) => BookRefusal(account.Owner, role, asker) is null;

    /// <summary>True when <paramref name="role"/> may see every account, whoever owns it.</summary>
    public bool SeesEveryBook(Role role) => !options.RestrictOtherBooks || role != Role.Csm;

    /// <summary>
    /// Null when the asker may acknowledge or snooze an alert on <paramref name="account"/> (null when the account is
    /// no longer in the portfolio); otherwise why not. Names the owner, never the alert's reason or numbers.
    /// </summary>
    public string? AlertActionRefusal(Account? account, Role role, Asker asker)
    {
        if (SeesEveryBook(role)) return null;
        if (account is null) return "That alert is on an account that is no longer in the portfolio; only managers can act on it.";
        if (IsSelf(account.Owner, asker)) return null;
        return $"That alert is on an account owned by {account.Owner.Name}; only its owner and managers can acknowledge or snooze it.";
    }

    /// <summary>
    /// The match as this asker may see it: candidates and suggestions from other CSMs' books are left out, so a "did
    /// you mean" never offers what the asker may not open, and a name that fits one visible account finds it. A found
    /// account is left as it is, for the caller to refuse with <see cref="BookRefusal"/>, naming why.
    /// </summary>
    public AccountMatch Visible(AccountMatch match, Role role, Asker asker)
    {
        if (SeesEveryBook(role) || match.Outcome == MatchOutcome.Found) return match;
        var visible = match.Candidates.Where(a => MaySee(a, role, asker)).ToList();
        if (match.Outcome == MatchOutcome.NotFound) return AccountMatch.NotFound(visible);
        return visible.Count switch
        {
            0 => AccountMatch.NotFound([]),
            1 => AccountMatch.Found(visible[0]),
            _ => AccountMatch.Ambiguous(visible),
        };
    }

    /// <summary>
    /// Null when <paramref name="role"/> may retry failed deliveries; otherwise why not. Admins only: a retry resends
    /// messages addressed to other people and channels.
    /// </summary>
    public static string? DeliveryRetryRefusal(Role role) =>
        role == Role.Admin ? null : "Only admins (Access:Admins) can retry failed deliveries.";

    public static bool IsSelf(Person person, Asker asker) =>
        (asker.Email is { } email && person.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
        || (person.ChatIdOn(asker.Platform) is { } id && id == asker.UserId);

    private static bool Listed(List<string> people, Asker asker) =>
        people.Any(p => p.Equals(asker.UserId, StringComparison.OrdinalIgnoreCase) || (asker.Email is { } e && p.Equals(e, StringComparison.OrdinalIgnoreCase)));
}
