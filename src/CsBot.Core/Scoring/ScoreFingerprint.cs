namespace CsBot.Core.Scoring;

/// <summary>
/// A 64-bit hash of everything a <see cref="HealthScore"/> holds except its account id: day, score, band and every
/// line of the breakdown. A store keeps it beside the score history, so an hourly run that rescores an account to
/// what it already has can tell so without reading the stored breakdown back.
/// </summary>
/// <remarks>
/// FNV-1a over a fixed encoding, so the value is the same in every process and version (unlike string.GetHashCode).
/// Enum members are hashed by name, as stores write them, so renumbering an enum cannot make two breakdowns alike.
/// Doubles are hashed by their bits. Two different scores share a fingerprint with a chance of about 2^-64.
/// </remarks>
public static class ScoreFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(HealthScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var hash = OffsetBasis;
        Add(ref hash, score.AsOf.DayNumber);
        Add(ref hash, score.Score);
        Add(ref hash, score.Band.ToString());
        Add(ref hash, score.Components.Count);
        foreach (var component in score.Components)
        {
            Add(ref hash, component.Kind.ToString());
            Add(ref hash, BitConverter.DoubleToInt64Bits(component.Value));
            Add(ref hash, BitConverter.DoubleToInt64Bits(component.Points));
            Add(ref hash, BitConverter.DoubleToInt64Bits(component.Weight));
            Add(ref hash, BitConverter.DoubleToInt64Bits(component.Contribution));
            Add(ref hash, component.Reason);
        }
        Add(ref hash, score.Omitted.Count);
        foreach (var omitted in score.Omitted)
        {
            Add(ref hash, omitted.Kind.ToString());
            Add(ref hash, omitted.Why);
        }
        return unchecked((long)hash);
    }

    private static void Add(ref ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = unchecked((hash ^ (byte)value) * Prime);
            value >>= 8;
        }
    }

    /// <summary>Length first, so ("ab", "c") and ("a", "bc") differ; null hashes as length -1.</summary>
    private static void Add(ref ulong hash, string? text)
    {
        if (text is null)
        {
            Add(ref hash, -1);
            return;
        }
        Add(ref hash, text.Length);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ (byte)c) * Prime);
            hash = unchecked((hash ^ (byte)(c >> 8)) * Prime);
        }
    }
}
