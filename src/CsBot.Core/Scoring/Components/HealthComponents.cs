using CsBot.Core.Signals;

namespace CsBot.Core.Scoring.Components;

/// <summary>Routes each <see cref="HealthComponentKind"/> to the type that measures it.</summary>
internal static class HealthComponents
{
    /// <summary>
    /// Measures one component. Returns false when it has no data, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the one-line reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    public static bool Measure(
        PlannedComponent component,
        AccountSignals signals,
        in UsageFacts usage,
        DateOnly asOf,
        bool explain,
        out double value,
        out string? text)
    {
        switch (component.Kind)
        {
            case HealthComponentKind.UsageTrend: return UsageTrendComponent.Measure(in usage, explain, out value, out text);
            case HealthComponentKind.SeatUtilization: return SeatUtilizationComponent.Measure(in usage, explain, out value, out text);
            case HealthComponentKind.LoginFrequency: return LoginFrequencyComponent.Measure(in usage, explain, out value, out text);
            case HealthComponentKind.SupportBurden: return SupportBurdenComponent.Measure(signals, asOf, explain, out value, out text);
            case HealthComponentKind.Nps: return NpsComponent.Measure(signals, asOf, component.WindowDays, explain, out value, out text);
            case HealthComponentKind.Csat: return CsatComponent.Measure(signals, asOf, component.WindowDays, explain, out value, out text);
            case HealthComponentKind.PaymentTimeliness: return PaymentTimelinessComponent.Measure(signals, asOf, component.WindowDays, explain, out value, out text);
            default:
                value = 0;
                text = "not measured by this version";
                return false;
        }
    }
}
