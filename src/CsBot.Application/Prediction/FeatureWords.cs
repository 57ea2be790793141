using System.Globalization;
using CsBot.Core.Formatting;
using CsBot.Core.Prediction;

namespace CsBot.Application.Prediction;

/// <summary>A feature's value in the words and units people read it in (a share as a percent, days as days).</summary>
public static class FeatureWords
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Value(int feature, float value, string currency)
    {
        if (float.IsNaN(value)) return "no data";
        return feature switch
        {
            0 => Percent(value),
            1 => Format.Signed((decimal)Math.Round(value * 100, 1), 1) + " pts",
            3 => Format.Signed((decimal)Math.Round((value - 1) * 100), 0) + "%",
            2 or 4 or 9 or 11 => Format.One(value),
            10 => Format.Signed((decimal)Math.Round(value, 1), 1),
            5 or 13 or 14 => Format.Count((long)Math.Round(value), "day"),
            12 => Format.Signed((decimal)Math.Round(value, 1), 1) + " days",
            6 or 7 or 8 => Format.Whole(value),
            15 => value switch { 0 => "monthly", 1 => "annual", _ => "multi-year" },
            16 => Format.Money((decimal)value, currency),
            17 or 18 => Format.Signed((decimal)Math.Round(value * 100), 0) + "%",
            19 => Format.Whole(value),
            _ => value.ToString("0.##", Invariant),
        };
    }

    private static string Percent(double share) => Format.Whole(share * 100) + "%";

    /// <summary>Said instead of reasons when no feature raises the prediction.</summary>
    public const string NothingStandsOut = "nothing stands out: no feature raises it";

    /// <summary>
    /// The features raising the prediction most, in words: "seat utilisation (30 days) 34% raises it most", then each
    /// other one's strength beside the strongest: "average NPS (180 days) 6.5 raises it about half as much". Features
    /// that lower it are not reasons for the risk and are left out; with none raising it, <see cref="NothingStandsOut"/>.
    /// </summary>
    /// <remarks>
    /// Why no contribution figures: ML.NET's feature contribution for a tree ensemble is, summed over the trees, how much
    /// the model's raw score would change if each split on that feature went the other way (with normalize off, as
    /// here). It is in the ensemble's internal score units, before calibration into a probability: it is not
    /// percentage points of churn, and the contributions do not add up to the prediction, so "58.97", or that figure
    /// turned into a percent, would claim something untrue. What is true is how they compare: they share one unit, so
    /// "a third as much" as the strongest is the model's own arithmetic. The feature's value ("150 days") is the figure a
    /// person can act on, and it stays.
    /// </remarks>
    public static IReadOnlyList<string> Pushes(IReadOnlyList<FeaturePush> pushes, string currency)
    {
        ArgumentNullException.ThrowIfNull(pushes);
        var raising = pushes.Where(p => p.Contribution > 0).OrderByDescending(p => p.Contribution).ToArray();
        if (raising.Length == 0) return [NothingStandsOut];
        var strongest = raising[0].Contribution;
        return [.. raising.Select((p, i) =>
            $"{ChurnFeatures.Names[p.Feature]} {Value(p.Feature, p.Value, currency)} raises it " + (i == 0 ? "most" : Relative(p.Contribution / strongest)))];
    }

    /// <summary>A push beside the strongest, as the nearest simple fraction people say aloud.</summary>
    private static string Relative(double ratio) => ratio switch
    {
        >= 0.875 => "about as much",
        >= 0.71 => "about three quarters as much",
        >= 0.58 => "about two thirds as much",
        >= 0.42 => "about half as much",
        >= 0.29 => "about a third as much",
        >= 0.225 => "about a quarter as much",
        >= 0.15 => "about a fifth as much",
        _ => "far less",
    };
}
