using System.Buffers.Binary;
using CsBot.Application.Pictures;
using CsBot.Core;
using CsBot.Core.Scoring;

namespace CsBot.Charts.Tests;

public sealed class ScottPlotChartRendererTests
{
    // The fills of ChartColors: poor, average, good.
    private const string PoorFill = "#F6D5D5";
    private const string AverageFill = "#FBEFC9";
    private const string GoodFill = "#D6EFD8";
    private const string CriticalMark = "#7B1FA2";
    private const string DropBar = "#C0392B";

    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly ScottPlotChartRenderer _renderer = new();

    [Fact]
    public void A_trend_is_a_png_of_the_requested_size()
    {
        var png = _renderer.RenderPng(Trend(Declining()) with { Width = 640, Height = 300 });

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        // The IHDR chunk right after the signature holds width and height, big-endian.
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(300, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        var pixels = new Pixels(png);
        Assert.Equal((640, 300), (pixels.Width, pixels.Height));
    }

    [Fact]
    public void Different_scores_draw_a_different_picture()
    {
        var falling = _renderer.RenderPng(Trend(Declining()));
        var rising = _renderer.RenderPng(Trend([.. Declining().Select(p => p with { Score = 100 - p.Score })]));

        Assert.NotEqual(falling, rising);
    }

    [Fact]
    public void The_bands_are_shaded_poor_at_the_bottom_good_at_the_top_where_the_limits_say()
    {
        var pixels = new Pixels(_renderer.RenderPng(Trend(Declining())));

        var poor = pixels.RowsOf(PoorFill);
        var average = pixels.RowsOf(AverageFill);
        var good = pixels.RowsOf(GoodFill);
        Assert.All([poor, average, good], rows => Assert.NotEmpty(rows));
        // Image rows grow downwards: good (70-100) above average (40-70) above poor (0-40).
        Assert.True(good.Max() < average.Min() && average.Max() < poor.Min(), $"good {good.Min()}-{good.Max()}, average {average.Min()}-{average.Max()}, poor {poor.Min()}-{poor.Max()}");
        // 30 points of good, 30 of average and 40 of poor: the stripes' heights follow.
        Assert.InRange(poor.Count / (double)good.Count, 1.2, 1.45);

        var higherBar = new Pixels(_renderer.RenderPng(Trend(Declining()) with { Bands = new BandLimits(40, 90) }));
        Assert.True(higherBar.Share(GoodFill) < pixels.Share(GoodFill) / 2, "a good band from 90 is a third of one from 70");
    }

    [Fact]
    public void Alerts_are_marked_in_their_severity_colour()
    {
        var without = new Pixels(_renderer.RenderPng(Trend(Declining())));
        var with = new Pixels(_renderer.RenderPng(Trend(Declining()) with { Alerts = [new AlertMark(Today.AddDays(-10), Severity.Critical, "health below")] }));

        Assert.Equal(0, without.Share(CriticalMark));
        Assert.True(with.Share(CriticalMark) > 0.0001);
    }

    [Fact]
    public void A_larger_drop_draws_a_longer_bar()
    {
        // The axis follows the largest fall (Acme's, the same in both), so Globex's bar alone changes.
        var small = new Pixels(_renderer.RenderPng(Drops(new DropBar("Acme", 70, 40), new DropBar("Globex", 60, 58))));
        var large = new Pixels(_renderer.RenderPng(Drops(new DropBar("Acme", 70, 40), new DropBar("Globex", 60, 45))));

        Assert.True(large.Share(DropBar) > small.Share(DropBar));
    }

    [Fact]
    public void The_band_averages_chart_draws_each_band_line_over_the_shading()
    {
        var weeks = Enumerable.Range(0, 12).Select(i => Today.AddDays(-7 * (11 - i))).ToList();
        var chart = new BandAveragesChart
        {
            Title = "Average health by band",
            Weeks = weeks,
            Bands = new BandLimits(40, 70),
            Series = [new BandSeries(HealthBand.Poor, 3, [.. weeks.Select((_, i) => (int?)(60 - 2 * i))])],
        };

        var onlyPoor = new Pixels(_renderer.RenderPng(chart));
        var withGood = new Pixels(_renderer.RenderPng(chart with { Series = [.. chart.Series, new BandSeries(HealthBand.Good, 5, [.. weeks.Select(_ => (int?)85)])] }));

        Assert.True(onlyPoor.Share(GoodFill) > 0.05);
        Assert.True(withGood.Share("#1E8449") > onlyPoor.Share("#1E8449"), "the good band's line is drawn in its colour");
    }

    [Fact]
    public void A_chart_too_small_to_read_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _renderer.RenderPng(Trend(Declining()) with { Width = 20 }));
    }

    private static List<ScorePoint> Declining() =>
        [.. Enumerable.Range(0, 90).Select(i => new ScorePoint(Today.AddDays(i - 89), 80 - i / 2))];

    private static HealthTrendChart Trend(IReadOnlyList<ScorePoint> points) => new()
    {
        Title = "Acme: health, last 90 days",
        Points = points,
        Bands = new BandLimits(40, 70),
        From = Today.AddDays(-89),
        To = Today,
    };

    private static DropsChart Drops(params DropBar[] drops) => new() { Title = "Biggest drops", Days = 7, Drops = drops };
}
