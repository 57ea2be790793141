using CsBot.Core.Signals;

namespace CsBot.Core.Scoring.Components;

/// <summary>
/// Walks the usage rows forward one day at a time keeping running totals per window, so a day's usage facts
/// cost O(1) instead of a pass over the look-back, with no allocation: what makes back-filling history cheap.
/// Days must be visited in ascending order.
/// </summary>
internal struct UsageCursor(UsageDay[] usage)
{
    // Windows as index ranges: recent [recentStart, end), baseline [baselineStart, recentStart), logins [loginStart, end).
    private int _end, _recentStart, _baselineStart, _loginStart;
    private long _recentActive, _baselineActive, _logins;

    public UsageFacts MoveTo(DateOnly asOf)
    {
        var today = asOf.DayNumber;
        for (; _end < usage.Length && usage[_end].Date.DayNumber <= today; _end++)
        {
            _recentActive += usage[_end].ActiveUsers;
            _logins += usage[_end].Logins;
        }
        for (; _recentStart < _end && usage[_recentStart].Date.DayNumber < today - HealthScorer.RecentDays + 1; _recentStart++)
        {
            _recentActive -= usage[_recentStart].ActiveUsers;
            _baselineActive += usage[_recentStart].ActiveUsers;
        }
        for (; _baselineStart < _recentStart && usage[_baselineStart].Date.DayNumber < today - UsageFacts.LookBackDays; _baselineStart++)
        {
            _baselineActive -= usage[_baselineStart].ActiveUsers;
        }
        for (; _loginStart < _end && usage[_loginStart].Date.DayNumber < today - HealthScorer.LoginDays + 1; _loginStart++)
        {
            _logins -= usage[_loginStart].Logins;
        }
        return new UsageFacts
        {
            RecentRows = _end - _recentStart,
            RecentActive = _recentActive,
            BaselineRows = _recentStart - _baselineStart,
            BaselineActive = _baselineActive,
            LoginRows = _end - _loginStart,
            Logins = _logins,
            LatestSeats = _end > _baselineStart ? usage[_end - 1].LicensedSeats : 0,
        };
    }
}
