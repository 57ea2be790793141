using CsBot.Application.ReadModel;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>
/// The list answers' rows in answer order, kept per <see cref="DayBoard"/> (see <see cref="RankedRows{T}"/>). Each list
/// here holds exactly the rows the answer would show over the whole portfolio, ordered as it shows them; a question's
/// scope (owner, "mine", segment, what the asker may see) is applied while walking.
/// </summary>
public static class BoardLists
{
    private sealed record AtRiskKey(int Band);
    private sealed record OverdueKey;
    private sealed record MoversKey(DateOnly From, MoverFilter Filter);
    private sealed record ByHealthKey;

    /// <summary>Every active account, lowest score first (not scored counts as 100), then by name; sums ARR.</summary>
    public static RankedRows<int> ByHealth(DayBoard board) =>
        board.List(new ByHealthKey(), b =>
        {
            var rows = new List<(int, int, decimal, int)>(b.Entries.Length);
            for (var i = 0; i < b.Entries.Length; i++) rows.Add((i, i, b.Entries[i].Arr, -1));
            return new RankedRows<int>(b, rows, (x, y) =>
            {
                var c = (b.Entries[x].Band < 0 ? 100 : b.Entries[x].Score).CompareTo(b.Entries[y].Band < 0 ? 100 : b.Entries[y].Score);
                return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(b.Accounts[x].Name, b.Accounts[y].Name);
            });
        });

    /// <summary>
    /// At risk (any open alert or Poor health), or in one band when <paramref name="band"/> is not negative: most severe
    /// alert first, then lowest score (not scored counts as 100), then largest ARR; sums ARR, marks the worst alert.
    /// </summary>
    public static RankedRows<(int Index, int Worst, int Score, decimal Arr)> AtRisk(DayBoard board, int band) =>
        board.List(new AtRiskKey(band), b =>
        {
            var rows = new List<(int, (int, int, int, decimal), decimal, int)>();
            for (var i = 0; i < b.Entries.Length; i++)
            {
                ref readonly var e = ref b.Entries[i];
                if (!(band >= 0 ? e.Band == band : e.AlertCount > 0 || e.Band == (int)HealthBand.Poor)) continue;
                rows.Add((i, (i, e.Worst, e.Band < 0 ? 100 : e.Score, e.Arr), e.Arr, e.Worst));
            }
            return new RankedRows<(int Index, int Worst, int Score, decimal Arr)>(b, rows, (x, y) =>
            {
                var c = y.Worst.CompareTo(x.Worst);
                if (c == 0) c = x.Score.CompareTo(y.Score);
                if (c == 0) c = y.Arr.CompareTo(x.Arr);
                return c;
            });
        });

    /// <summary>Open overdue invoices, most days overdue first; sums the amounts.</summary>
    public static RankedRows<(int Index, Invoice Invoice, int DaysOverdue)> Overdue(DayBoard board) =>
        board.List(new OverdueKey(), b =>
        {
            var rows = new List<(int, (int, Invoice, int), decimal, int)>();
            for (var i = 0; i < b.Entries.Length; i++)
            {
                if (b.Entries[i].OverdueCount == 0) continue;
                foreach (var invoice in b.OpenOverdue[i]) rows.Add((i, (i, invoice, invoice.DaysOverdue(b.Day)), invoice.Amount, -1));
            }
            return new RankedRows<(int Index, Invoice Invoice, int DaysOverdue)>(b, rows, (x, y) => y.Item3.CompareTo(x.Item3));
        });

    /// <summary>
    /// Scored accounts whose score moved since <paramref name="from"/> as <paramref name="filter"/> asks: biggest change
    /// first (biggest gain when asking for gains), then by name.
    /// </summary>
    public static RankedRows<(int Index, int Change)> Movers(DayBoard board, DateOnly from, MoverFilter filter) =>
        board.List(new MoversKey(from, filter), b =>
        {
            var starts = b.StartScores(from);
            var rows = new List<(int, (int, int), decimal, int)>();
            for (var i = 0; i < b.Entries.Length; i++)
            {
                ref readonly var e = ref b.Entries[i];
                if (e.Band < 0 || starts[i] == DayBoard.NoStart) continue;
                var change = e.Score - starts[i];
                var moved = filter switch
                {
                    MoverFilter.Drops => change < 0,
                    MoverFilter.Gains => change > 0,
                    _ => change != 0,
                };
                if (moved) rows.Add((i, (i, change), 0m, -1));
            }
            return new RankedRows<(int Index, int Change)>(b, rows, (x, y) =>
            {
                var c = filter == MoverFilter.Gains ? y.Item2.CompareTo(x.Item2) : Math.Abs(y.Item2).CompareTo(Math.Abs(x.Item2));
                return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(b.Accounts[x.Item1].Name, b.Accounts[y.Item1].Name);
            });
        });
}
