using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.ReadModel;
using CsBot.Core.Alerts;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// List answers walk each list's rows kept in answer order per board instead of scanning the portfolio per question:
/// for every list kind and scope the rows shown, their order (ties included) and the totals must be what filtering and
/// sorting the whole board gives, and a board patched after a write must order its lists by the new data.
/// </summary>
public class BoardListsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly PortfolioScoring Scoring = new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
    private static readonly Lazy<DayBoard> Demo = new(BuildDemoBoard);

    [Fact]
    public void Every_list_kind_and_scope_shows_the_rows_and_totals_a_full_scan_gives()
    {
        var board = Demo.Value;
        Assert.True(board.Entries.Length >= 300);
        var checkedRows = 0;
        foreach (var scope in Scopes(board))
        foreach (var wanted in new[] { 10, 30 })
        {
            foreach (var band in new[] { -1, (int)HealthBand.Poor, (int)HealthBand.Average, (int)HealthBand.Good })
                checkedRows += Same(ExpectedAtRisk(board, scope, band, wanted), BoardLists.AtRisk(board, band).Take(scope, wanted));
            checkedRows += Same(ExpectedByHealth(board, scope, wanted), BoardLists.ByHealth(board).Take(scope, wanted));
            checkedRows += Same(ExpectedOverdue(board, scope, wanted), BoardLists.Overdue(board).Take(scope, wanted));
            foreach (var from in new[] { Today.AddDays(-7), Today.AddDays(-30) })
            foreach (var filter in Enum.GetValues<MoverFilter>())
                checkedRows += Same(ExpectedMovers(board, scope, from, filter, wanted), BoardLists.Movers(board, from, filter).Take(scope, wanted));
            foreach (var (from, to) in new[] { (Today, Today.AddDays(30)), (Today, Today.AddDays(90)), (Today.AddDays(-10), Today.AddDays(400)), (Today.AddDays(45), Today.AddDays(45)) })
                checkedRows += SameRenewals(ExpectedRenewals(board, scope, from.DayNumber, to.DayNumber, wanted), RenewalRows.Of(board).Take(scope, from.DayNumber, to.DayNumber, wanted));
        }
        // The comparison ran over real rows, not only empty lists.
        Assert.True(checkedRows > 1_000, $"only {checkedRows} rows compared");
    }

    [Fact]
    public void A_board_patched_after_a_write_orders_its_lists_by_the_new_scores()
    {
        var board = Demo.Value;
        var all = new BoardScope(board, null, -1);
        _ = BoardLists.AtRisk(board, -1).Take(all, 10);
        _ = BoardLists.Movers(board, Today.AddDays(-7), MoverFilter.Drops).Take(all, 10);
        // An account no list showed first drops to a score of 1: the lowest-scored at risk, and the biggest drop of the week.
        var quiet = Array.FindIndex(board.Entries, e => e.Band == (int)HealthBand.Good && e.AlertCount == 0);
        var account = board.Accounts[quiet];
        var old = board.LatestScores[quiet]!;
        var dropped = old with { Score = 1, Band = HealthBand.Poor };
        var scores = board.Scores.Patch([account.Id], new Dictionary<string, HealthScore> { [account.Id] = dropped },
            new Dictionary<string, PackedScoreHistory> { [account.Id] = PackedScoreHistory.Of([.. board.Histories[quiet].ToArray().SkipLast(1), new ScorePoint(Today, 1)]) });

        var patched = board.Patch(board.Portfolio, scores, board.Alerts, new HashSet<string> { account.Id });

        Assert.NotNull(patched);
        var scope = new BoardScope(patched, null, -1);
        var atRisk = BoardLists.AtRisk(patched, -1).Take(scope, 10);
        Assert.Equal(BoardLists.AtRisk(board, -1).Take(all, 10).Total + 1, atRisk.Total);
        Same(ExpectedAtRisk(patched, scope, -1, 10), atRisk);
        var drops = BoardLists.Movers(patched, Today.AddDays(-7), MoverFilter.Drops).Take(scope, 10);
        Assert.Equal(quiet, drops.First[0].Index);
        Same(ExpectedMovers(patched, scope, Today.AddDays(-7), MoverFilter.Drops, 10), drops);
        // The board it was patched from keeps its own lists.
        Assert.DoesNotContain(BoardLists.Movers(board, Today.AddDays(-7), MoverFilter.Drops).Take(all, 10).First, m => m.Index == quiet);
    }

    private static int Same<T>((IReadOnlyList<T> Rows, int Total, decimal Sum, int Mark) expected, RankedPage<T> actual)
    {
        Assert.Equal(expected.Rows, actual.First);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Sum, actual.Sum);
        Assert.Equal(expected.Mark, actual.Mark);
        return expected.Rows.Count;
    }

    private static int SameRenewals(RenewalPage expected, RenewalPage actual)
    {
        Assert.Equal(expected.First, actual.First);
        Assert.Equal((expected.Count, expected.Arr, expected.AtRisk, expected.AtRiskArr), (actual.Count, actual.Arr, actual.AtRisk, actual.AtRiskArr));
        return expected.First.Count;
    }

    // The orders below are the ones the list answers used when they scanned the whole board per question.
    private static (IReadOnlyList<(int, int, int, decimal)>, int, decimal, int) ExpectedAtRisk(DayBoard board, BoardScope scope, int band, int wanted)
    {
        var rows = Enumerable.Range(0, board.Entries.Length)
            .Where(i => band >= 0 ? board.Entries[i].Band == band : board.Entries[i].AlertCount > 0 || board.Entries[i].Band == (int)HealthBand.Poor)
            .Where(i => scope.Includes(board.Entries[i]))
            .Select(i => (Index: i, board.Entries[i].Worst, Score: board.Entries[i].Band < 0 ? 100 : board.Entries[i].Score, board.Entries[i].Arr))
            .ToList();
        var ordered = rows.OrderByDescending(r => r.Worst).ThenBy(r => r.Score).ThenByDescending(r => r.Arr).ToList();
        return ([.. ordered.Take(wanted).Select(r => (r.Index, r.Worst, r.Score, r.Arr))], rows.Count, rows.Sum(r => r.Arr), rows.Count == 0 ? -1 : rows.Max(r => r.Worst));
    }

    private static (IReadOnlyList<int>, int, decimal, int) ExpectedByHealth(DayBoard board, BoardScope scope, int wanted)
    {
        var rows = Enumerable.Range(0, board.Entries.Length).Where(i => scope.Includes(board.Entries[i])).ToList();
        var ordered = rows.OrderBy(i => board.Entries[i].Band < 0 ? 100 : board.Entries[i].Score).ThenBy(i => board.Accounts[i].Name, StringComparer.OrdinalIgnoreCase);
        return ([.. ordered.Take(wanted)], rows.Count, rows.Sum(i => board.Entries[i].Arr), -1);
    }

    private static (IReadOnlyList<(int, Core.Signals.Invoice, int)>, int, decimal, int) ExpectedOverdue(DayBoard board, BoardScope scope, int wanted)
    {
        var rows = Enumerable.Range(0, board.Entries.Length)
            .Where(i => scope.Includes(board.Entries[i]))
            .SelectMany(i => board.OpenOverdue[i].Select(invoice => (Index: i, Invoice: invoice, Days: invoice.DaysOverdue(board.Day))))
            .ToList();
        return ([.. rows.OrderByDescending(r => r.Days).Take(wanted)], rows.Count, rows.Sum(r => r.Invoice.Amount), -1);
    }

    private static (IReadOnlyList<(int, int)>, int, decimal, int) ExpectedMovers(DayBoard board, BoardScope scope, DateOnly from, MoverFilter filter, int wanted)
    {
        var rows = Enumerable.Range(0, board.Entries.Length)
            .Where(i => board.Entries[i].Band >= 0 && board.Histories[i].Count > 0 && scope.Includes(board.Entries[i]))
            .Select(i => (Index: i, Change: board.Entries[i].Score - DayBoard.StartScore(board.Histories[i], from)!.Value))
            .Where(r => filter switch { MoverFilter.Drops => r.Change < 0, MoverFilter.Gains => r.Change > 0, _ => r.Change != 0 })
            .ToList();
        var ordered = filter == MoverFilter.Gains ? rows.OrderByDescending(r => r.Change) : rows.OrderByDescending(r => Math.Abs(r.Change));
        return ([.. ordered.ThenBy(r => board.Accounts[r.Index].Name, StringComparer.OrdinalIgnoreCase).Take(wanted)], rows.Count, 0m, -1);
    }

    private static RenewalPage ExpectedRenewals(DayBoard board, BoardScope scope, int from, int to, int wanted)
    {
        var rows = Enumerable.Range(0, board.Entries.Length)
            .Where(i => board.Entries[i].Renewal >= from && board.Entries[i].Renewal <= to && scope.Includes(board.Entries[i]))
            .ToList();
        var risky = rows.Where(i => board.Entries[i].Band is (int)HealthBand.Poor or (int)HealthBand.Average).ToList();
        var shown = rows.OrderBy(i => board.Entries[i].Renewal).ThenBy(i => board.Accounts[i].Name, StringComparer.OrdinalIgnoreCase).Take(wanted).ToList();
        return new RenewalPage(shown, rows.Count, rows.Sum(i => board.Entries[i].Arr), risky.Count, risky.Sum(i => board.Entries[i].Arr));
    }

    /// <summary>Everyone's book; one CSM's; a restricted CSM who may see two books; a segment; one book in one segment.</summary>
    private static IEnumerable<BoardScope> Scopes(DayBoard board)
    {
        var owners = board.Owners.Length;
        Assert.True(owners >= 3);
        Assert.True(board.Portfolio.Segments.Count >= 2);
        bool[] Only(params int[] picked) => [.. Enumerable.Range(0, owners).Select(picked.Contains)];
        yield return new BoardScope(board, null, -1);
        yield return new BoardScope(board, Only(0), -1);
        yield return new BoardScope(board, Only(1, owners - 1), -1);
        yield return new BoardScope(board, Only(), -1);
        yield return new BoardScope(board, null, 1);
        yield return new BoardScope(board, Only(2), 0);
    }

    private static DayBoard BuildDemoBoard()
    {
        var demo = DemoPortfolio.Generate(Today, 400);
        var latest = new Dictionary<string, HealthScore>(StringComparer.Ordinal);
        var histories = new Dictionary<string, ScorePoint[]>(StringComparer.Ordinal);
        var hits = new List<RuleHit>();
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signals in demo)
        {
            var history = Scoring.Backfill(signals, Today, 45);
            histories[signals.Account.Id] = history;
            if (!signals.Account.IsActiveOn(Today)) continue;
            var (score, accountHits) = Scoring.Evaluate(signals, history, Today);
            latest[signals.Account.Id] = score;
            hits.AddRange(accountHits);
            evaluated.Add(signals.Account.Id);
        }
        var alerts = AlertReconciler.Reconcile([], hits, evaluated, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)).All.Where(a => a.IsOpen).ToList();
        return new DayBoard(new PortfolioSnapshot(demo), new ScoreSnapshot(latest, PackedScoreHistory.All(histories)), new AlertSnapshot(alerts), Today);
    }
}
