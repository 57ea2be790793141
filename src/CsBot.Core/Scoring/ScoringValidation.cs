using System.Globalization;

namespace CsBot.Core.Scoring;

/// <summary>
/// Checks scoring configuration before it is used. Each message names the configuration key, what is wrong and
/// how to fix it, e.g. "Scoring:Components:Nps:Weight is -5; weights must be 0 or more.".
/// </summary>
public static class ScoringValidation
{
    private const string Section = ScoringOptions.SectionName;

    /// <summary>Components whose <see cref="ComponentOptions.WindowDays"/> is read.</summary>
    private static readonly HashSet<HealthComponentKind> Windowed =
        [HealthComponentKind.Nps, HealthComponentKind.Csat, HealthComponentKind.PaymentTimeliness];

    public static IReadOnlyList<string> Validate(ScoringOptions o)
    {
        var errors = new List<string>();

        CheckCutOff(errors, nameof(o.GoodFrom), o.GoodFrom);
        CheckCutOff(errors, nameof(o.AverageFrom), o.AverageFrom);
        if (o.GoodFrom <= o.AverageFrom)
        {
            errors.Add($"{Section}:GoodFrom ({o.GoodFrom}) must be above {Section}:AverageFrom ({o.AverageFrom}); raise GoodFrom or lower AverageFrom.");
        }

        var components = o.Components ?? [];
        var anyWeight = false;
        foreach (var (kind, component) in components.OrderBy(c => c.Key))
        {
            var key = $"{Section}:Components:{kind}";
            if (component is null)
            {
                errors.Add($"{key} is empty; give it a Weight and a Curve, or remove it.");
                continue;
            }
            if (double.IsNaN(component.Weight) || double.IsInfinity(component.Weight) || component.Weight < 0)
            {
                errors.Add($"{key}:Weight is {Number(component.Weight)}; weights must be 0 or more.");
                continue;
            }
            if (component.Weight == 0) continue; // switched off: its curve and window are not read
            anyWeight = true;
            CheckCurve(errors, key, component.Curve);
            if (Windowed.Contains(kind) && component.WindowDays < 1)
            {
                errors.Add($"{key}:WindowDays is {component.WindowDays}; set it to 1 or more (e.g. {DefaultWindow(kind)}).");
            }
        }

        if (!anyWeight && components.Values.All(c => c is not null && c.Weight == 0))
        {
            errors.Add($"{Section}:Components has no weight above 0; give at least one component a positive Weight.");
        }
        return errors;
    }

    private static void CheckCutOff(List<string> errors, string name, int value)
    {
        if (value is < 0 or > 100)
        {
            errors.Add($"{Section}:{name} is {value}; band cut-offs must be between 0 and 100.");
        }
    }

    private static void CheckCurve(List<string> errors, string key, List<CurvePoint>? curve)
    {
        if (curve is null || curve.Count == 0)
        {
            errors.Add($"{key}:Curve is empty; give at least one point (Value, Points).");
            return;
        }
        for (var i = 0; i < curve.Count; i++)
        {
            var point = curve[i];
            if (point is null)
            {
                errors.Add($"{key}:Curve:{i} is empty; give it a Value and Points.");
                continue;
            }
            if (!double.IsFinite(point.Value))
            {
                errors.Add($"{key}:Curve:{i}:Value is {Number(point.Value)}; use a finite number.");
            }
            if (!(point.Points >= 0 && point.Points <= 100))
            {
                errors.Add($"{key}:Curve:{i}:Points is {Number(point.Points)}; points must be between 0 and 100.");
            }
            if (i > 0 && curve[i - 1] is { } previous && point.Value < previous.Value)
            {
                errors.Add($"{key}:Curve:{i}:Value ({Number(point.Value)}) is below the previous point's ({Number(previous.Value)}); list curve points by Value ascending.");
            }
        }
    }

    private static int DefaultWindow(HealthComponentKind kind) =>
        ScoringOptions.Defaults().TryGetValue(kind, out var d) && d.WindowDays > 0 ? d.WindowDays : 180;

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
