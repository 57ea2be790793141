using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;

namespace CsBot.Application.Access;

/// <summary>
/// Decides what an asker may see. Roles come from configuration; anyone named as an account's manager is a
/// manager too. Every refusal carries a sentence saying why, so the asker is never left guessing.
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
        if (!options.RestrictRevenueMetrics || !RevenueMetrics.Contains(metric)) return null;
        if (role == Role.Csm) return $"{MetricNames.Name(metric)} is a revenue metric, which only managers can see here.";
        if (asker.InSharedChannel) return $"{MetricNames.Name(metric)} is a revenue metric; ask me in a direct message so it is not shown to the whole channel.";
        return null;
    }

    /// <summary>Null when allowed to see accounts owned by <paramref name="owner"/>; otherwise why not.</summary>
    public string? BookRefusal(Person owner, Role role, Asker asker)
    {
        if (!options.RestrictOtherBooks || role != Role.Csm) return null;
        if (IsSelf(owner, asker)) return null;
        return $"Accounts owned by {owner.Name} are visible to their owner and to managers only.";
    }

    public bool MaySee(Account account, Role role, Asker asker) => BookRefusal(account.Owner, role, asker) is null;

    /// <summary>True when <paramref name="role"/> may see every account, whoever owns it.</summary>
    public bool SeesEveryBook(Role role) => !options.RestrictOtherBooks || role != Role.Csm;

    public static bool IsSelf(Person person, Asker asker) =>
        (asker.Email is { } email && person.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
        || (person.ChatIdOn(asker.Platform) is { } id && id == asker.UserId);

    private static bool Listed(List<string> people, Asker asker) =>
        people.Any(p => p.Equals(asker.UserId, StringComparison.OrdinalIgnoreCase) || (asker.Email is { } e && p.Equals(e, StringComparison.OrdinalIgnoreCase)));
}
