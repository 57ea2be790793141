using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Every account's latest health band, by its position in a <see cref="PortfolioSnapshot"/>, for one pair of portfolio
/// and score snapshots: the accounts API filters a page by band with an array read instead of a score look-up by id
/// per account. Worked out once, then patched for the accounts whose scores a write changed.
/// </summary>
public sealed class AccountBands
{
    /// <summary>In <see cref="Band"/>'s array: the account has no score.</summary>
    public const sbyte NotScored = -1;

    private readonly sbyte[] _bands;

    public AccountBands(PortfolioSnapshot portfolio, ScoreSnapshot scores)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(scores);
        Portfolio = portfolio;
        Scores = scores;
        _bands = new sbyte[portfolio.Accounts.Count];
        for (var at = 0; at < _bands.Length; at++) _bands[at] = BandOf(scores, portfolio.Accounts[at].Id);
    }

    private AccountBands(PortfolioSnapshot portfolio, ScoreSnapshot scores, sbyte[] bands)
    {
        Portfolio = portfolio;
        Scores = scores;
        _bands = bands;
    }

    public PortfolioSnapshot Portfolio { get; }
    public ScoreSnapshot Scores { get; }

    /// <summary>The band of the account at <paramref name="at"/> in <see cref="Portfolio"/>, or null when it has no score.</summary>
    public HealthBand? Band(int at) => _bands[at] == NotScored ? null : (HealthBand)_bands[at];

    /// <summary>
    /// These bands for newer snapshots, with the accounts of <paramref name="changed"/> looked up again; null when the
    /// accounts moved (one was added, so positions differ) and the bands must be worked out whole.
    /// </summary>
    public AccountBands? Patch(PortfolioSnapshot portfolio, ScoreSnapshot scores, IReadOnlySet<string> changed)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(changed);
        if (!portfolio.HasPositionsOf(Portfolio) || changed.Count > _bands.Length / 4) return null;
        var bands = (sbyte[])_bands.Clone();
        foreach (var id in changed)
            if (portfolio.PositionOf(id) is var at and >= 0) bands[at] = BandOf(scores, id);
        return new AccountBands(portfolio, scores, bands);
    }

    private static sbyte BandOf(ScoreSnapshot scores, string accountId) =>
        scores.Latest.TryGetValue(accountId, out var score) ? (sbyte)score.Band : NotScored;
}
