namespace CsBot.DemoData.Internal;

/// <summary>
/// A seeded <see cref="Random"/> with the draws the generator needs. Each account gets its own stream derived from
/// (portfolio seed, account number), so an account's data does not depend on how many accounts come before or after it.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public static int DeriveSeed(int seed, int stream)
    {
        // SplitMix64 finaliser: a fixed, platform-independent mix (never string.GetHashCode, which is randomised per process).
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)(uint)stream + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    public double Next() => _random.NextDouble();

    /// <summary>An integer in [min, max] inclusive.</summary>
    public int Int(int min, int max) => _random.Next(min, max + 1);

    public double Range(double min, double max) => min + (max - min) * _random.NextDouble();

    /// <summary>Log-uniform in [min, max]: many small values, few large ones, like revenue.</summary>
    public double LogRange(double min, double max) => Math.Exp(Range(Math.Log(min), Math.Log(max)));

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Standard normal draw (Box-Muller), clipped to +-3 so noise never produces absurd values.</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var g = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Clamp(g, -3.0, 3.0);
    }

    /// <summary>Days until the next event of a Poisson process with the given daily rate.</summary>
    public double ExponentialDays(double ratePerDay) => -Math.Log(1.0 - _random.NextDouble()) / ratePerDay;
}
