using CsBot.Core;
using CsBot.Core.Scoring;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>The colours every chart uses, so a band or a severity looks the same in each picture.</summary>
internal static class ChartColors
{
    /// <summary>Light fills behind a health line: the line and its marks stay readable on top.</summary>
    public static Color BandFill(HealthBand band) => band switch
    {
        HealthBand.Poor => Color.FromHex("#F6D5D5"),
        HealthBand.Average => Color.FromHex("#FBEFC9"),
        _ => Color.FromHex("#D6EFD8"),
    };

    /// <summary>Strong colours for a band's own line or bar.</summary>
    public static Color BandLine(HealthBand band) => band switch
    {
        HealthBand.Poor => Color.FromHex("#C0392B"),
        HealthBand.Average => Color.FromHex("#B9770E"),
        _ => Color.FromHex("#1E8449"),
    };

    public static Color Severity(Severity severity) => severity switch
    {
        Core.Severity.Critical => Color.FromHex("#7B1FA2"),
        Core.Severity.High => Color.FromHex("#C0392B"),
        Core.Severity.Warning => Color.FromHex("#D35400"),
        _ => Color.FromHex("#2E86C1"),
    };

    public static readonly Color Line = Color.FromHex("#1F3A5F");
    public static readonly Color Drop = Color.FromHex("#C0392B");
}
