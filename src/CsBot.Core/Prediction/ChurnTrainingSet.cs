using CsBot.Core.Signals;

namespace CsBot.Core.Prediction;

/// <summary>
/// Every scorable (account, month-end) pair of a portfolio with a finished label window, as one feature matrix: the
/// rows a churn model is trained and tested on, in order of day, then account id (ordinal).
/// </summary>
/// <remarks>
/// Built from a stream of accounts, a batch at a time, so the portfolio is never held whole: each account's rows are
/// computed and appended to the matrix, and the account is let go. The matrix is kept in the order the accounts came,
/// in chunks (no single array of the whole set to grow and copy), with an index giving the day-then-id order; at 100k
/// accounts and 24 months (1.7 million rows) that is 136 MB of features where a row object with its own array took
/// about 150 bytes a row, before the copies made for sorting, splitting and the learner.
/// </remarks>
public sealed class ChurnTrainingSet
{
    /// <summary>Accounts taken from the stream and computed together (on every core) before the next are taken.</summary>
    public const int BatchSize = 512;

    private const int ChunkShift = 14;
    private const int ChunkRows = 1 << ChunkShift;

    private readonly float[][] _chunks;
    private readonly byte[] _dayIndexes;
    private readonly bool[] _labels;
    // Arrival row of each position in day-then-id order.
    private readonly int[] _order;
    // First arrival row of each account (ascending: an account's rows arrive together), and its id.
    private readonly int[] _accountFirstRows;
    private readonly string[] _accountIds;

    private ChurnTrainingSet(IReadOnlyList<DateOnly> days, float[][] chunks, byte[] dayIndexes, bool[] labels, int[] order,
        int[] accountFirstRows, string[] accountIds, int churns)
    {
        Days = days;
        _chunks = chunks;
        _dayIndexes = dayIndexes;
        _labels = labels;
        _order = order;
        _accountFirstRows = accountFirstRows;
        _accountIds = accountIds;
        Churns = churns;
        Positives = labels.Count(l => l);
        All = new ChurnRows(this, 0, labels.Length);
    }

    /// <summary>The snapshot days, oldest first.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    public int Count => _labels.Length;

    /// <summary>Rows followed by a churn or contraction.</summary>
    public int Positives { get; }

    /// <summary>Accounts that churned after the first snapshot day, up to today.</summary>
    public int Churns { get; }

    /// <summary>Every row, in day-then-id order.</summary>
    public ChurnRows All { get; }

    /// <summary>The rows of the days before <paramref name="day"/>.</summary>
    public ChurnRows Before(DateOnly day) => new(this, 0, FirstOnOrAfter(day));

    /// <summary>The rows of <paramref name="day"/> and the days after it.</summary>
    public ChurnRows From(DateOnly day)
    {
        var first = FirstOnOrAfter(day);
        return new ChurnRows(this, first, Count - first);
    }

    internal DateOnly DayAt(int position) => Days[_dayIndexes[_order[position]]];

    internal bool LabelAt(int position) => _labels[_order[position]];

    internal ReadOnlySpan<float> FeaturesAt(int position)
    {
        var row = _order[position];
        return _chunks[row >> ChunkShift].AsSpan((row & (ChunkRows - 1)) * ChurnFeatures.Count, ChurnFeatures.Count);
    }

    internal string AccountIdAt(int position)
    {
        var at = Array.BinarySearch(_accountFirstRows, _order[position]);
        return _accountIds[at >= 0 ? at : ~at - 1];
    }

    private int FirstOnOrAfter(DateOnly day)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (DayAt(mid) < day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The rows of <paramref name="portfolio"/> on <paramref name="days"/> whose label window is over by
    /// <paramref name="today"/>. Accounts are taken <see cref="BatchSize"/> at a time; a list (a packed portfolio
    /// unpacking each account on access) is read by index, each account unpacked on the core that computes it.
    /// </summary>
    public static ChurnTrainingSet Build(IEnumerable<AccountSignals> portfolio, IReadOnlyList<DateOnly> days, DateOnly today, ChurnLabel label)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(label);
        if (days.Count is 0 or > byte.MaxValue) throw new ArgumentOutOfRangeException(nameof(days), days.Count, "One to 255 snapshot days.");
        var builder = new Builder(days, today, label);
        if (portfolio is IReadOnlyList<AccountSignals> list)
        {
            for (var start = 0; start < list.Count; start += BatchSize)
                builder.Add(Math.Min(BatchSize, list.Count - start), i => list[start + i]);
        }
        else
        {
            var batch = new List<AccountSignals>(BatchSize);
            foreach (var signals in portfolio)
            {
                batch.Add(signals);
                if (batch.Count < BatchSize) continue;
                builder.Add(batch.Count, i => batch[i]);
                batch.Clear();
            }
            builder.Add(batch.Count, i => batch[i]);
        }
        return builder.Finish();
    }

    /// <summary>One account's rows, computed on a worker: features row after row, with each row's day and label.</summary>
    private sealed record AccountRows(string AccountId, bool Churned, int Count, float[] Features, byte[] DayIndexes, bool[] Labels);

    private sealed class Builder(IReadOnlyList<DateOnly> days, DateOnly today, ChurnLabel label)
    {
        private readonly List<float[]> _chunks = [];
        private readonly List<byte> _dayIndexes = [];
        private readonly List<bool> _labels = [];
        private readonly List<int> _accountFirstRows = [];
        private readonly List<string> _accountIds = [];
        private int _churns;

        public void Add(int count, Func<int, AccountSignals> accountAt)
        {
            if (count == 0) return;
            var computed = new AccountRows[count];
            Parallel.For(0, count, i => computed[i] = Compute(accountAt(i)));
            foreach (var account in computed) Append(account);
        }

        private AccountRows Compute(AccountSignals signals)
        {
            var churned = signals.Account.ChurnedOn is { } c && c > days[0] && c <= today;
            var features = new float[days.Count * ChurnFeatures.Count];
            var dayIndexes = new byte[days.Count];
            var labels = new bool[days.Count];
            var count = 0;
            for (var d = 0; d < days.Count; d++)
            {
                var day = days[d];
                if (!ChurnFeatures.IsScorable(signals.Account, day)) continue;
                if (label.Of(signals, day, today) is not { } outcome) continue;
                ChurnFeatures.Compute(signals, day).CopyTo(features, count * ChurnFeatures.Count);
                dayIndexes[count] = (byte)d;
                labels[count] = outcome;
                count++;
            }
            return new AccountRows(signals.Account.Id, churned, count, features, dayIndexes, labels);
        }

        private void Append(AccountRows account)
        {
            if (account.Churned) _churns++;
            if (account.Count == 0) return;
            _accountFirstRows.Add(_labels.Count);
            _accountIds.Add(account.AccountId);
            for (var k = 0; k < account.Count; k++)
            {
                var row = _labels.Count;
                if ((row & (ChunkRows - 1)) == 0) _chunks.Add(new float[ChunkRows * ChurnFeatures.Count]);
                account.Features.AsSpan(k * ChurnFeatures.Count, ChurnFeatures.Count).CopyTo(_chunks[^1].AsSpan((row & (ChunkRows - 1)) * ChurnFeatures.Count));
                _dayIndexes.Add(account.DayIndexes[k]);
                _labels.Add(account.Labels[k]);
            }
        }

        /// <summary>Orders the rows by day, then account id: a counting sort over the days, walking the accounts in id order.</summary>
        public ChurnTrainingSet Finish()
        {
            var accounts = _accountIds.Count;
            var byId = Enumerable.Range(0, accounts).ToArray();
            Array.Sort(_accountIds.ToArray(), byId, StringComparer.Ordinal);
            var next = new int[days.Count];
            foreach (var d in _dayIndexes) next[d]++;
            for (int d = 0, start = 0; d < days.Count; d++) (next[d], start) = (start, start + next[d]);
            var order = new int[_labels.Count];
            foreach (var account in byId)
            {
                var end = account + 1 < accounts ? _accountFirstRows[account + 1] : _labels.Count;
                for (var row = _accountFirstRows[account]; row < end; row++) order[next[_dayIndexes[row]]++] = row;
            }
            return new ChurnTrainingSet(days, [.. _chunks], [.. _dayIndexes], [.. _labels], order, [.. _accountFirstRows], [.. _accountIds], _churns);
        }
    }
}
