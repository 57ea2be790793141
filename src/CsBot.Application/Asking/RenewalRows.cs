using CsBot.Application.ReadModel;
using CsBot.Core.Scoring;

namespace CsBot.Application.Asking;

/// <summary>
/// Every account with a next renewal on a <see cref="DayBoard"/>, soonest first, then by name (as the renewals answer
/// shows them), kept once per board (see <see cref="DayBoard.List{T}"/>). A question about a period finds where the
/// period starts by binary search and walks only as far as its page; its totals come from running sums kept per owner
/// and segment, so neither depends on how many accounts the portfolio holds.
/// </summary>
public sealed class RenewalRows
{
    private sealed record Key;

    private readonly int[] _entries;
    private readonly int[] _days;
    private readonly int _slots;
    private readonly Cell[] _cells;

    private RenewalRows(DayBoard board)
    {
        var entries = board.Entries;
        var renewing = new List<int>();
        for (var i = 0; i < entries.Length; i++)
            if (entries[i].Renewal >= 0) renewing.Add(i);
        var order = renewing.ToArray();
        Array.Sort(order, (x, y) =>
        {
            var c = entries[x].Renewal.CompareTo(entries[y].Renewal);
            if (c == 0) c = StringComparer.OrdinalIgnoreCase.Compare(board.Accounts[x].Name, board.Accounts[y].Name);
            return c != 0 ? c : x.CompareTo(y);
        });
        _entries = order;
        _days = [.. order.Select(i => entries[i].Renewal)];
        _slots = board.Portfolio.Segments.Count + 1;
        var builders = new List<int>[board.Owners.Length * _slots];
        foreach (var i in order) (builders[entries[i].Owner * _slots + entries[i].Segment + 1] ??= []).Add(i);
        _cells = [.. builders.Select(cell => Cell.Of(cell ?? [], entries))];
    }

    /// <summary>The renewals list of <paramref name="board"/>, built on first use.</summary>
    public static RenewalRows Of(DayBoard board) => board.List(new Key(), b => new RenewalRows(b));

    /// <summary>
    /// The first <paramref name="wanted"/> board entries <paramref name="scope"/> includes that renew between the day
    /// numbers <paramref name="from"/> and <paramref name="to"/> (both included), in order, and totals over all of them.
    /// </summary>
    public RenewalPage Take(BoardScope scope, int from, int to, int wanted)
    {
        var entries = scope.Board.Entries;
        var first = new List<int>(Math.Max(0, wanted));
        for (var k = LowerBound(_days, from); k < _days.Length && _days[k] <= to && first.Count < wanted; k++)
            if (scope.Includes(entries[_entries[k]])) first.Add(_entries[k]);

        int count = 0, atRisk = 0;
        decimal arr = 0, atRiskArr = 0;
        for (var owner = 0; owner * _slots < _cells.Length; owner++)
        {
            if (!scope.IncludesOwner(owner)) continue;
            int start = owner * _slots, end = start + _slots;
            if (scope.Segment >= 0) end = (start += scope.Segment + 1) + 1;
            for (var c = start; c < end; c++)
            {
                var cell = _cells[c];
                int lo = LowerBound(cell.Days, from), hi = LowerBound(cell.Days, to + 1);
                if (hi <= lo) continue;
                count += hi - lo;
                arr += cell.Arr[hi] - cell.Arr[lo];
                atRisk += cell.AtRisk[hi] - cell.AtRisk[lo];
                atRiskArr += cell.AtRiskArr[hi] - cell.AtRiskArr[lo];
            }
        }
        return new RenewalPage(first, count, arr, atRisk, atRiskArr);
    }

    private static int LowerBound(int[] days, int day)
    {
        int lo = 0, hi = days.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (days[mid] < day) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>One owner's renewals in one segment: their days in order and running sums (index k sums the first k).</summary>
    private sealed record Cell(int[] Days, decimal[] Arr, int[] AtRisk, decimal[] AtRiskArr)
    {
        public static Cell Of(List<int> renewing, BoardEntry[] entries)
        {
            var days = new int[renewing.Count];
            var arr = new decimal[renewing.Count + 1];
            var atRisk = new int[renewing.Count + 1];
            var atRiskArr = new decimal[renewing.Count + 1];
            for (var k = 0; k < renewing.Count; k++)
            {
                ref readonly var e = ref entries[renewing[k]];
                var risky = e.Band is (int)HealthBand.Poor or (int)HealthBand.Average;
                days[k] = e.Renewal;
                arr[k + 1] = arr[k] + e.Arr;
                atRisk[k + 1] = atRisk[k] + (risky ? 1 : 0);
                atRiskArr[k + 1] = atRiskArr[k] + (risky ? e.Arr : 0);
            }
            return new Cell(days, arr, atRisk, atRiskArr);
        }
    }
}

/// <summary>The renewals a question shows up to its page (board entry indexes), and totals over every renewal in its scope and period.</summary>
public readonly record struct RenewalPage(IReadOnlyList<int> First, int Count, decimal Arr, int AtRisk, decimal AtRiskArr);
