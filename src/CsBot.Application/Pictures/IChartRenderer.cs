namespace CsBot.Application.Pictures;

/// <summary>Draws a chart as a PNG of the requested size. Implemented outside the application (CsBot.Charts), so no drawing library reaches it.</summary>
public interface IChartRenderer
{
    byte[] RenderPng(ChartRequest chart);
}
