using CsBot.Application.ReadModel;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Digest;

/// <summary>
/// What a digest is built from: the whole portfolio (metrics need every account's signals), each account's latest
/// score and daily history, the open alerts, and the day and instant it is built for. <see cref="Segment"/> scopes
/// the digest to one segment; null means every account.
/// </summary>
public sealed record DigestData
{
    public required IReadOnlyList<AccountSignals> Portfolio { get; init; }
    public required IReadOnlyDictionary<string, HealthScore> Scores { get; init; }
    /// <summary>Each account's daily scores, packed as the read model holds them (<see cref="PackedScoreHistory.All"/> packs a store's).</summary>
    public required IReadOnlyDictionary<string, PackedScoreHistory> Histories { get; init; }
    public required IReadOnlyList<Alert> OpenAlerts { get; init; }
    public required DateOnly Today { get; init; }
    public required DateTimeOffset Now { get; init; }
    public string? Segment { get; init; }

    /// <summary>
    /// The read-model snapshot <see cref="Portfolio"/> is, when it is one: its metric results are kept per snapshot, so a
    /// preview takes them instead of computing them over every account again. Null computes them from the portfolio.
    /// </summary>
    public PortfolioSnapshot? Snapshot { get; init; }

    /// <summary>
    /// The read model's list board for <see cref="Today"/> over the same snapshots as <see cref="Scores"/> and
    /// <see cref="Histories"/>, when the digest is built from the read model: its active accounts, latest scores and
    /// histories are arrays in portfolio order, so the digest takes them by position instead of looking up every
    /// account. Null looks them up.
    /// </summary>
    public DayBoard? Board { get; init; }
}
