using CsBot.Core.Formatting;
using CsBot.Core.Scoring;

namespace CsBot.Application.Pictures;

/// <summary>
/// The average health, week by week, of the accounts in each band today: how today's poor accounts got there, and
/// whether the good ones are slipping.
/// </summary>
public sealed record BandAveragesChart : ChartRequest
{
    /// <summary>The day each week is read on, oldest first.</summary>
    public required IReadOnlyList<DateOnly> Weeks { get; init; }
    public required IReadOnlyList<BandSeries> Series { get; init; }
    public required BandLimits Bands { get; init; }

    public override string AltText
    {
        get
        {
            var lines = Series.Select(s =>
            {
                var known = s.Averages.OfType<int>().ToList();
                var accounts = s.Accounts == 1 ? "1 account" : $"{s.Accounts} accounts";
                return known.Count == 0
                    ? $"{s.Band} now ({accounts}): no scores"
                    : $"{s.Band} now ({accounts}): {known[0]} -> {known[^1]} ({Format.Signed(known[^1] - known[0])})";
            });
            return $"{Title}, {Weeks.Count} weeks to {(Weeks.Count == 0 ? "today" : Format.Date(Weeks[^1]))}: {string.Join("; ", lines)}.";
        }
    }
}

/// <summary>One band's line: how many accounts are in it today and their average health each week (null: no scores that week).</summary>
public sealed record BandSeries(HealthBand Band, int Accounts, IReadOnlyList<int?> Averages);
