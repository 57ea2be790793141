namespace CsBot.Core.Prediction;

/// <summary>
/// A run of consecutive rows of a <see cref="ChurnTrainingSet"/> (in day-then-id order), read in place: the months a
/// model is fitted or tested on, without copying them out.
/// </summary>
public sealed class ChurnRows
{
    private readonly ChurnTrainingSet _set;
    private readonly int _start;

    internal ChurnRows(ChurnTrainingSet set, int start, int count)
    {
        _set = set;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The row's features, in <see cref="ChurnFeatures.Names"/> order (missing values NaN); valid while the set is.</summary>
    public ReadOnlySpan<float> Features(int row) => _set.FeaturesAt(Position(row));

    /// <summary>True when a churn or contraction followed the row's day within the horizon.</summary>
    public bool Label(int row) => _set.LabelAt(Position(row));

    public DateOnly Day(int row) => _set.DayAt(Position(row));

    public string AccountId(int row) => _set.AccountIdAt(Position(row));

    /// <summary>Whether any row is labelled positive (true) or negative (false).</summary>
    public bool Any(bool label)
    {
        for (var i = 0; i < Count; i++)
            if (Label(i) == label) return true;
        return false;
    }

    public int CountLabelled(bool label)
    {
        var count = 0;
        for (var i = 0; i < Count; i++)
            if (Label(i) == label) count++;
        return count;
    }

    public bool[] Labels()
    {
        var labels = new bool[Count];
        for (var i = 0; i < Count; i++) labels[i] = Label(i);
        return labels;
    }

    private int Position(int row) =>
        (uint)row < (uint)Count ? _start + row : throw new ArgumentOutOfRangeException(nameof(row), row, $"Rows 0 to {Count - 1}.");
}
