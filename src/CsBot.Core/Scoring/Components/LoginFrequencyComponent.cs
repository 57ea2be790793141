using static CsBot.Core.Formatting.Format;
using static CsBot.Core.Scoring.HealthScorer;

namespace CsBot.Core.Scoring.Components;

/// <summary><see cref="HealthComponentKind.LoginFrequency"/>: logins per licensed seat per week over the last 28 days.</summary>
internal static class LoginFrequencyComponent
{
    /// <summary>
    /// False when there is no usage in the window or no seat count, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    public static bool Measure(in UsageFacts usage, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        if (usage.LoginRows == 0)
        {
            text = $"no usage data in the last {LoginDays} days";
            return false;
        }
        if (usage.LatestSeats <= 0)
        {
            text = "no licensed seats recorded";
            return false;
        }
        // Per row present: an account with 14 days of history is measured over 2 weeks, not 4.
        value = usage.Logins * 7.0 / usage.LoginRows / usage.LatestSeats;
        if (explain)
        {
            text = $"{One(value)} logins per seat per week ({Count(usage.Logins, "login")} over {Count(usage.LoginRows, "day")}, {Count(usage.LatestSeats, "seat")})";
        }
        return true;
    }
}
