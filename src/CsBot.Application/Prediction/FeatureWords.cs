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

    /// <summary>"seat utilisation (30 days) 34% raises it (+0.41)": one push in words and numbers.</summary>
    public static string Push(FeaturePush push, string currency) =>
        $"{ChurnFeatures.Names[push.Feature]} {Value(push.Feature, push.Value, currency)} {(push.Contribution > 0 ? "raises" : "lowers")} it ({Format.Signed((decimal)Math.Round(push.Contribution, 2), 2)})";
}
