using CsBot.Application.ReadModel;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// A packed history answers every question the digest, the list board and the answers ask of a history exactly as the
/// points it was packed from did (the look-ups below are the ones those used on the arrays before), and a score save
/// patches it as the store patches its own.
/// </summary>
public class PackedScoreHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);

    public static TheoryData<string> Shapes => ["daily", "gaps", "sparse", "odd scores", "one point"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Unpacks_to_the_points_it_was_packed_from(string shape)
    {
        var points = History(shape, seed: 1);

        Assert.Equal(points, PackedScoreHistory.Of(points).ToArray());
        Assert.Equal(points.Length, PackedScoreHistory.Of(points).Count);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Scores_on_a_day_agree_with_the_points_on_every_day_around_the_history(string shape)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var points = History(shape, seed);
            var packed = PackedScoreHistory.Of(points);
            for (var day = points[0].Date.AddDays(-10); day <= points[^1].Date.AddDays(10); day = day.AddDays(1))
            {
                Assert.Equal(NearOnPoints(points, day, 6), packed.ScoreNear(day, 6));
                Assert.Equal(StartOnPoints(points, day), packed.ScoreOnOrFirstAfter(day));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_saved_point_replaces_its_day_or_is_added_in_order_as_the_store_does(string shape)
    {
        var points = History(shape, seed: 3);
        var packed = PackedScoreHistory.Of(points);
        var saves = new[]
        {
            new ScorePoint(points[^1].Date, 7), new ScorePoint(points[^1].Date.AddDays(1), 99), new ScorePoint(points[^1].Date.AddDays(5), 0),
            new ScorePoint(points[0].Date.AddDays(-3), 42), new ScorePoint(points[0].Date.AddDays(2), 300), new ScorePoint(points[^1].Date.AddDays(2000), 50),
        };
        foreach (var save in saves)
        {
            var before = packed.ToArray();
            packed = packed.With(save);
            points = WithOnPoints(points, save);
            Assert.Equal(points, packed.ToArray());
            Assert.Equal(before, PackedScoreHistory.Of(before).ToArray());
        }
    }

    [Fact]
    public void An_empty_history_answers_nothing_and_takes_a_first_point()
    {
        var empty = PackedScoreHistory.Of([]);

        Assert.True(empty.IsEmpty);
        Assert.Empty(empty.ToArray());
        Assert.Null(empty.ScoreNear(Today, 6));
        Assert.Null(empty.ScoreOnOrFirstAfter(Today));
        Assert.Equal([new ScorePoint(Today, 61)], empty.With(new ScorePoint(Today, 61)).ToArray());
    }

    private static ScorePoint[] History(string shape, int seed)
    {
        var random = new Random(seed);
        var length = shape == "one point" ? 1 : random.Next(20, 400);
        var points = new List<ScorePoint>();
        var day = Today.AddDays(-length * (shape == "sparse" ? 20 : 1));
        for (var i = 0; i < length; i++)
        {
            var score = shape == "odd scores" && i % 17 == 3 ? random.Next(255, 1000) * (i % 2 == 0 ? -1 : 1) : random.Next(0, 101);
            points.Add(new ScorePoint(day, score));
            day = day.AddDays(shape switch { "gaps" => random.Next(1, 9), "sparse" => random.Next(5, 40), _ => 1 });
        }
        return [.. points];
    }

    // The look-ups the digest (last point on or before the day, if recent enough) and the list board (the start of a period) made on arrays.
    private static int? NearOnPoints(ScorePoint[] history, DateOnly day, int tolerance)
    {
        var last = history.LastOrDefault(p => p.Date <= day);
        return history.Any(p => p.Date <= day) && last.Date.DayNumber >= day.DayNumber - tolerance ? last.Score : null;
    }

    private static int? StartOnPoints(ScorePoint[] history, DateOnly from) =>
        history.Any(p => p.Date <= from) ? history.Last(p => p.Date <= from).Score : history.Length > 0 ? history[0].Score : null;

    private static ScorePoint[] WithOnPoints(ScorePoint[] history, ScorePoint point) =>
        [.. history.Where(p => p.Date != point.Date).Append(point).OrderBy(p => p.Date)];
}
