using System.Diagnostics;
using CsBot.Application.Pictures;
using CsBot.Charts;
using CsBot.Core;
using CsBot.Core.Scoring;

namespace CsBot.Benchmarks;

/// <summary>
/// --charts: time to draw each chart (health trend, band averages, biggest drops) as the delivery run draws them,
/// one at a time after a warm-up; the target is under 100 ms each. With --out DIR the charts are also written there
/// as PNG (the README's pictures come from here).
/// </summary>
public static class ChartsRun
{
    private const int Warmup = 5;
    private const int Runs = 50;

    public static int Run(string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        var folder = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        var renderer = new ScottPlotChartRenderer();
        var today = new DateOnly(2026, 12, 1);
        // CPU time beside wall time: on a busy machine the wall clock measures the neighbours as much as the drawing.
        Console.WriteLine($"{"chart",-16} {"bytes",8} {"median ms",10} {"p95 ms",8} {"max ms",8} {"cpu ms/chart",13}");
        foreach (var (name, chart) in Samples(today))
        {
            for (var i = 0; i < Warmup; i++) renderer.RenderPng(chart);
            var times = new List<double>(Runs);
            byte[] png = [];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                png = renderer.RenderPng(chart);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Runs;
            times.Sort();
            Console.WriteLine($"{name,-16} {png.Length,8:N0} {times[Runs / 2],10:0.0} {times[(int)(Runs * 0.95) - 1],8:0.0} {times[^1],8:0.0} {cpu,13:0.0}");
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, name + ".png"), png);
            }
        }
        return 0;
    }

    /// <summary>Charts of the size and shape CsBot sends: 90 daily points with two alerts, 12 weeks of three bands, five drops.</summary>
    private static IEnumerable<(string Name, ChartRequest Chart)> Samples(DateOnly today)
    {
        var from = today.AddDays(-89);
        var points = Enumerable.Range(0, 90).Select(i => new ScorePoint(from.AddDays(i), (int)Math.Round(74 - i * 0.38 + 4 * Math.Sin(i / 6.0)))).ToList();
        yield return ("health-trend", new HealthTrendChart
        {
            Title = "Initech: health, last 90 days",
            Points = points,
            Bands = new BandLimits(40, 70),
            Alerts = [new AlertMark(today.AddDays(-24), Severity.Warning, "usage cliff"), new AlertMark(today.AddDays(-4), Severity.High, "health below")],
            From = from,
            To = today,
        });
        var weeks = Enumerable.Range(0, 12).Select(i => today.AddDays(-7 * (11 - i))).ToList();
        yield return ("health-by-band", new BandAveragesChart
        {
            Title = "Average health by band, last 12 weeks",
            Weeks = weeks,
            Bands = new BandLimits(40, 70),
            Series =
            [
                new BandSeries(HealthBand.Good, 23, [.. weeks.Select((_, i) => (int?)(80 + i % 3))]),
                new BandSeries(HealthBand.Average, 12, [.. weeks.Select((_, i) => (int?)(63 - i / 2))]),
                new BandSeries(HealthBand.Poor, 5, [.. weeks.Select((_, i) => (int?)(58 - 2 * i))]),
            ],
        });
        yield return ("biggest-drops", new DropsChart
        {
            Title = "Biggest health drops, last 7 days",
            Days = 7,
            Drops = [new DropBar("Initech", 52, 38), new DropBar("Hooli", 71, 62), new DropBar("Globex", 66, 59), new DropBar("Umbrella", 47, 43), new DropBar("Acme Corp", 80, 77)],
        });
    }
}
