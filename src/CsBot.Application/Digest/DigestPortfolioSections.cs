using CsBot.Core.Accounts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;

namespace CsBot.Application.Digest;

/// <summary>The portfolio parts of the digest: bands, new at-risk accounts, biggest drops and upcoming renewals.</summary>
internal static class DigestPortfolioSections
{
    private static readonly HealthBand[] BandOrder = [HealthBand.Good, HealthBand.Average, HealthBand.Poor];
    private static readonly (int From, int To, string Label)[] RenewalBuckets = [(0, 30, "Next 30 days"), (31, 60, "In 31-60 days"), (61, 90, "In 61-90 days")];

    /// <summary>
    /// Accounts and ARR per band now and a week ago. ARR is today's ARR grouped by each week's band, so the change
    /// shows ARR moving between bands rather than contract changes.
    /// </summary>
    public static (MessageSection Section, string Summary) Distribution(DigestScope scope, ScoringOptions bands)
    {
        // Counts and ARR per band in one pass over the accounts, summed in portfolio order.
        var bandCount = BandOrder.Max(b => (int)b) + 1;
        var (nowCounts, nowArr, beforeCounts, beforeArr) = (new int[bandCount], new decimal[bandCount], new int[bandCount], new decimal[bandCount]);
        var hadHistory = false;
        for (var at = 0; at < scope.Accounts.Count; at++)
        {
            var arr = scope.Accounts[at].Arr;
            if (scope.Latest(at) is { } latest)
            {
                nowCounts[(int)latest.Band]++;
                nowArr[(int)latest.Band] += arr;
            }
            var weekAgo = scope.WeekScore(at, scope.WeekAgo);
            if (weekAgo == DigestScope.NoScore) continue;
            hadHistory = true;
            var band = (int)bands.BandFor(weekAgo);
            beforeCounts[band]++;
            beforeArr[band] += arr;
        }

        var lines = BandOrder.Select(band =>
        {
            var count = nowCounts[(int)band];
            var arr = nowArr[(int)band];
            var line = $"{band}: {Accounts(count)}, {Format.Money(arr, scope.Currency)} ARR";
            if (!hadHistory) return line;
            var countDelta = count - beforeCounts[(int)band];
            var arrDelta = arr - beforeArr[(int)band];
            return $"{line} ({Format.Signed(countDelta)} {(Math.Abs(countDelta) == 1 ? "account" : "accounts")}, {Format.SignedMoney(arrDelta, scope.Currency)} ARR vs last week)";
        }).ToList();
        if (!hadHistory) lines.Add("No scores from a week ago to compare with.");

        var summary = string.Join(", ", BandOrder.Select(b => $"{nowCounts[(int)b]} {b}"));
        return (new MessageSection { Heading = "Health by band", Text = string.Join("\n", lines) }, summary);
    }

    /// <summary>Accounts with an open alert that first fired in the last 7 days, most severe and largest first.</summary>
    public static (MessageSection Section, int Count) NewAtRisk(DigestScope scope)
    {
        var since = scope.Data.Now.AddDays(-7);
        // Only the accounts of this week's alerts are looked for in the scope, rather than every account indexed.
        var alerted = scope.Data.OpenAlerts.Where(a => a.FirstFiredAt > since).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var inScope = new Dictionary<string, Account>(StringComparer.Ordinal);
        if (alerted.Count > 0)
            foreach (var account in scope.Accounts)
                if (alerted.Contains(account.Id)) inScope.TryAdd(account.Id, account);
        var fresh = scope.Data.OpenAlerts
            .Where(a => a.FirstFiredAt > since && inScope.ContainsKey(a.AccountId))
            .GroupBy(a => a.AccountId)
            .ToList();
        // Only the listed few are put in order (a partial sort), and only their alerts: thousands of accounts may have started one.
        var listed = fresh
            .Select(g => (Account: inScope[g.Key], Alerts: g, Worst: g.Max(a => a.Severity)))
            .OrderByDescending(x => x.Worst).ThenByDescending(x => x.Account.Arr).ThenBy(x => x.Account.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxListed)
            .Select(x => (x.Account, Alerts: x.Alerts.OrderByDescending(a => a.Severity).ToList()));
        var lines = listed.Select(x =>
            $"{x.Account.Name} ({Health(scope, x.Account)}, {Format.Money(x.Account.Arr, scope.Currency)} ARR): [{x.Alerts[0].Severity}] {x.Alerts[0].Reason}"
            + (x.Alerts.Count > 1 ? $" (+{x.Alerts.Count - 1} more)" : "")).ToList();
        if (fresh.Count > MaxListed) lines.Add($"and {fresh.Count - MaxListed} more");
        var text = fresh.Count == 0 ? "No account started a churn-risk alert this week." : string.Join("\n", lines);
        return (new MessageSection { Heading = $"New at-risk accounts this week: {fresh.Count}", Text = text }, fresh.Count);
    }

    /// <summary>The largest 7-day falls in health, each with its weakest component's reason.</summary>
    public static MessageSection BiggestDrops(DigestScope scope)
    {
        var drops = Drops(scope)
            .Select(x => $"{x.Account.Name}: {x.Score.Score - x.Change} -> {x.Score.Score} ({Format.Signed(x.Change)}), {x.Score.Band}, {Format.Money(x.Account.Arr, scope.Currency)} ARR. {Weakest(x.Score)}")
            .ToList();
        return new MessageSection
        {
            Heading = "Biggest health drops (7 days)",
            Text = drops.Count == 0 ? "No account's health fell this week." : string.Join("\n", drops),
        };
    }

    /// <summary>The accounts whose health fell most in 7 days, largest fall first: the text section and the digest's bar chart both show these.</summary>
    public static IReadOnlyList<(Account Account, HealthScore Score, int Change)> Drops(DigestScope scope)
    {
        var falls = new List<(Account Account, HealthScore Score, int Change)>();
        for (var at = 0; at < scope.Accounts.Count; at++)
        {
            var before = scope.WeekScore(at, scope.WeekAgo);
            if (scope.Latest(at) is { } now && before != DigestScope.NoScore && now.Score < before)
                falls.Add((scope.Accounts[at], now, now.Score - before));
        }
        return [.. falls.OrderBy(x => x.Change).ThenByDescending(x => x.Account.Arr).ThenBy(x => x.Account.Name, StringComparer.OrdinalIgnoreCase).Take(DigestBuilder.TopDrops)];
    }

    /// <summary>Renewals due in the next 30, 31-60 and 61-90 days with their ARR, riskiest first within each.</summary>
    public static (MessageSection Section, int Next30) Renewals(DigestScope scope)
    {
        var today = scope.Data.Today;
        var upcoming = Enumerable.Range(0, scope.Accounts.Count)
            .Where(at => scope.Accounts[at].RenewalDate is not null && scope.Accounts[at].ContractKind != ContractKind.Monthly)
            .Select(at => (Account: scope.Accounts[at], Band: scope.Latest(at)?.Band ?? HealthBand.Good, Renewal: scope.Accounts[at].NextRenewalOn(today)!.Value))
            .Select(x => (x.Account, x.Band, x.Renewal, Days: x.Renewal.DayNumber - today.DayNumber))
            .ToList();
        var lines = new List<string>();
        var next30 = 0;
        foreach (var (from, to, label) in RenewalBuckets)
        {
            var bucket = upcoming.Where(x => x.Days >= from && x.Days <= to).ToList();
            // Only the listed few are put in order (a partial sort): a bucket holds thousands of accounts at 100k.
            var listed = bucket.OrderBy(x => x.Band).ThenBy(x => x.Days).ThenBy(x => x.Account.Name, StringComparer.OrdinalIgnoreCase).Take(MaxListed);
            if (from == 0) next30 = bucket.Count;
            lines.Add($"{label}: {(bucket.Count == 1 ? "1 renewal" : $"{bucket.Count} renewals")}, {Format.Money(bucket.Sum(x => x.Account.Arr), scope.Currency)} ARR");
            lines.AddRange(listed.Select(x =>
                $"  {x.Account.Name}: {Format.Date(x.Renewal)} ({x.Days} days), {Format.Money(x.Account.Arr, scope.Currency)} ARR, {Health(scope, x.Account)}"));
            if (bucket.Count > MaxListed) lines.Add($"  and {bucket.Count - MaxListed} more");
        }
        return (new MessageSection { Heading = "Renewals in the next 90 days", Text = string.Join("\n", lines) }, next30);
    }

    private const int MaxListed = DigestBuilder.MaxListed;

    private static string Accounts(int count) => count == 1 ? "1 account" : $"{count} accounts";

    private static string Health(DigestScope scope, Account account) =>
        scope.Latest(account) is { } score ? $"{score.Band} {score.Score}" : "not scored";

    private static string Weakest(HealthScore score) =>
        score.Components.OrderBy(c => c.Points).FirstOrDefault() is { } weakest ? $"Weakest: {weakest.Reason}" : "No component data.";
}
