namespace CsBot.Core.Scoring;

/// <summary>Weights, curves and band cut-offs for health scoring. Bound from configuration section "Scoring".</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>Score at or above which an account is Good (default 70).</summary>
    public int GoodFrom { get; set; } = 70;
    /// <summary>Score at or above which an account is Average (default 40); below it is Poor.</summary>
    public int AverageFrom { get; set; } = 40;

    public Dictionary<HealthComponentKind, ComponentOptions> Components { get; set; } = Defaults();

    public HealthBand BandFor(int score) => score >= GoodFrom ? HealthBand.Good : score >= AverageFrom ? HealthBand.Average : HealthBand.Poor;

    public static Dictionary<HealthComponentKind, ComponentOptions> Defaults() => new()
    {
        [HealthComponentKind.UsageTrend] = new() { Weight = 20, Curve = [new(-50, 0), new(-20, 40), new(0, 80), new(10, 100)] },
        [HealthComponentKind.SeatUtilization] = new() { Weight = 20, Curve = [new(20, 0), new(50, 50), new(80, 100)] },
        [HealthComponentKind.LoginFrequency] = new() { Weight = 15, Curve = [new(0, 0), new(1, 50), new(3, 100)] },
        [HealthComponentKind.SupportBurden] = new() { Weight = 15, Curve = [new(0, 100), new(4, 60), new(12, 20), new(20, 0)] },
        [HealthComponentKind.Nps] = new() { Weight = 10, WindowDays = 180, Curve = [new(-100, 0), new(0, 50), new(50, 90), new(100, 100)] },
        [HealthComponentKind.Csat] = new() { Weight = 10, WindowDays = 180, Curve = [new(1, 0), new(3, 40), new(4, 75), new(5, 100)] },
        [HealthComponentKind.PaymentTimeliness] = new() { Weight = 10, WindowDays = 365, Curve = [new(0, 100), new(15, 70), new(30, 40), new(60, 0)] },
    };
}
