namespace CsBot.Application.Pictures;

/// <summary>
/// What a chart shows, as data and words, for <see cref="IChartRenderer"/> to draw: the renderer decides how it looks,
/// never what it says. <see cref="AltText"/> states the same numbers for screen readers and text-only clients.
/// </summary>
public abstract record ChartRequest
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 360;

    public required string Title { get; init; }
    public int Width { get; init; } = DefaultWidth;
    public int Height { get; init; } = DefaultHeight;

    /// <summary>The chart in words, with its numbers.</summary>
    public abstract string AltText { get; }
}

/// <summary>Where the health bands start, so a chart shades them as the scorer draws them.</summary>
public sealed record BandLimits(int AverageFrom, int GoodFrom);
