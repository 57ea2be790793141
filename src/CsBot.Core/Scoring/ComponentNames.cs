namespace CsBot.Core.Scoring;

/// <summary>What people call each health component, for every text a person reads ("Usage trend", "Support load").</summary>
public static class ComponentNames
{
    public static string Name(HealthComponentKind kind) => kind switch
    {
        HealthComponentKind.UsageTrend => "Usage trend",
        HealthComponentKind.SeatUtilization => "Seat utilisation",
        HealthComponentKind.LoginFrequency => "Login frequency",
        HealthComponentKind.SupportBurden => "Support load",
        HealthComponentKind.Nps => "NPS",
        HealthComponentKind.Csat => "CSAT",
        HealthComponentKind.PaymentTimeliness => "Payment timeliness",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown health component."),
    };
}
