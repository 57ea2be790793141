using CsBot.Core.Signals;

namespace CsBot.Core.Scoring.Components;

/// <summary>What the usage components need, gathered in one pass over the usage rows.</summary>
internal struct UsageFacts
{
    /// <summary>The oldest usage row any component reads is this many days before asOf.</summary>
    public const int LookBackDays = HealthScorer.RecentDays + HealthScorer.BaselineDays - 1;

    public int RecentRows;
    public long RecentActive;
    public int BaselineRows;
    public long BaselineActive;
    public int LoginRows;
    public long Logins;
    /// <summary>Licensed seats on the latest row on or before asOf, when it is inside the look-back.</summary>
    public int LatestSeats;

    /// <summary>The facts for one day, from a pass backwards over the look-back.</summary>
    public static UsageFacts Measure(UsageDay[] usage, DateOnly asOf)
    {
        var facts = default(UsageFacts);
        var today = asOf.DayNumber;
        var recentFrom = today - HealthScorer.RecentDays + 1;
        var loginFrom = today - HealthScorer.LoginDays + 1;
        var oldest = today - LookBackDays;
        for (var i = UsageWindow.CountOnOrBefore(usage, asOf) - 1; i >= 0; i--)
        {
            ref readonly var day = ref usage[i];
            var n = day.Date.DayNumber;
            if (n < oldest) break;
            if (facts.RecentRows + facts.BaselineRows == 0) facts.LatestSeats = day.LicensedSeats;
            if (n >= recentFrom)
            {
                facts.RecentRows++;
                facts.RecentActive += day.ActiveUsers;
            }
            else
            {
                facts.BaselineRows++;
                facts.BaselineActive += day.ActiveUsers;
            }
            if (n >= loginFrom)
            {
                facts.LoginRows++;
                facts.Logins += day.Logins;
            }
        }
        return facts;
    }
}
