using CsBot.Application.Pictures;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>
/// Draws CsBot's charts with ScottPlot on SkiaSharp, in memory, as PNG. Each kind of chart has its own drawing;
/// this picks it and applies what they share (size, fonts, title).
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public byte[] RenderPng(ChartRequest chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Width < 100 || chart.Height < 100 || chart.Width > 4000 || chart.Height > 4000)
            throw new ArgumentOutOfRangeException(nameof(chart), $"A chart is 100 to 4000 pixels a side, not {chart.Width}x{chart.Height}.");
        var plot = new Plot();
        // Sans-serif reads better small; ScottPlot picks a serif face when it finds one first.
        plot.Font.Automatic();
        plot.Title(chart.Title, size: 16);
        switch (chart)
        {
            case HealthTrendChart trend: HealthTrendDrawing.Draw(plot, trend); break;
            case BandAveragesChart bands: BandAveragesDrawing.Draw(plot, bands); break;
            case DropsChart drops: DropsDrawing.Draw(plot, drops); break;
            default: throw new NotSupportedException($"No drawing for {chart.GetType().Name}.");
        }
        return plot.GetImageBytes(chart.Width, chart.Height, ImageFormat.Png);
    }
}
