using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Application.Prediction;

/// <summary>
/// The accounts a churn training learns from: all of them up to <see cref="ChurnModelOptions.MaxTrainingAccounts"/>,
/// above it a share chosen by a hash of the account id, so each account comes with all its months or not at all (no
/// account is in both the months learned from and the months tested on by chance of the draw) and the same portfolio
/// gives the same sample, hence the same model, every time.
/// </summary>
/// <remarks>
/// At 100k demo accounts the month-end rows are 1.4 million, and fitting them took over a minute of both cores and about
/// 400 MB on top of the host's memory; trees of this size learn the same from a few hundred thousand rows.
/// </remarks>
public sealed class ChurnTrainingSample
{
    private readonly uint _threshold;

    private ChurnTrainingSample(double share)
    {
        Share = share;
        _threshold = share >= 1 ? uint.MaxValue : (uint)(share * uint.MaxValue);
    }

    /// <summary>The share of accounts taken: 1 when the portfolio is within the limit.</summary>
    public double Share { get; }

    public bool IsWhole => Share >= 1;

    /// <summary>The sample for a portfolio of about <paramref name="accounts"/> accounts.</summary>
    public static ChurnTrainingSample For(int accounts, ChurnModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChurnTrainingSample(accounts <= options.MaxTrainingAccounts ? 1 : (double)options.MaxTrainingAccounts / accounts);
    }

    public bool Keeps(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return IsWhole || Hash(account.Id) <= _threshold;
    }

    /// <summary>The sampled accounts of <paramref name="portfolio"/>; a packed portfolio is sampled without unpacking any.</summary>
    public IEnumerable<AccountSignals> Of(IEnumerable<AccountSignals> portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (IsWhole) return portfolio;
        return portfolio is PackedSignalsList packed ? packed.Where(Keeps) : portfolio.Where(s => Keeps(s.Account));
    }

    /// <summary>FNV-1a over the id's characters: stable across processes and runs, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Hash(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ (byte)c) * 16777619u;
            hash = (hash ^ (byte)(c >> 8)) * 16777619u;
        }
        return hash;
    }
}
