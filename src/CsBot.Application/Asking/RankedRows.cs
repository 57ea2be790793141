using CsBot.Application.ReadModel;

namespace CsBot.Application.Asking;

/// <summary>
/// Every row one list could show on a <see cref="DayBoard"/>, already in the order answers show them, with counts, sums
/// and worst marks per owner and segment. Worked out once per board (see <see cref="DayBoard.List{T}"/>) and shared by
/// every asker, so a question walks the order keeping the rows its scope includes until it has its page, and adds up
/// its totals from the owner-and-segment cells: it costs in proportion to the rows it shows, not to the portfolio.
/// </summary>
public sealed class RankedRows<T>
{
    private readonly T[] _rows;
    private readonly int[] _entries;
    // One cell per owner and segment slot; slot 0 holds accounts whose segment is not among the portfolio's segments.
    private readonly int _slots;
    private readonly int[] _counts;
    private readonly decimal[] _sums;
    private readonly int[] _marks;

    /// <param name="rows">Each row with the board entry it belongs to, the amount its list adds up and a mark whose
    /// highest value the list reports (-1 for none), in board order.</param>
    /// <param name="order">The answer's order; rows it finds equal keep board order, as a stable sort would.</param>
    internal RankedRows(DayBoard board, IReadOnlyList<(int Entry, T Row, decimal Amount, int Mark)> rows, Comparison<T> order)
    {
        var positions = new int[rows.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort(positions, (x, y) =>
        {
            var c = order(rows[x].Row, rows[y].Row);
            return c != 0 ? c : x.CompareTo(y);
        });
        _rows = new T[positions.Length];
        _entries = new int[positions.Length];
        _slots = board.Portfolio.Segments.Count + 1;
        _counts = new int[board.Owners.Length * _slots];
        _sums = new decimal[_counts.Length];
        _marks = new int[_counts.Length];
        Array.Fill(_marks, -1);
        for (var k = 0; k < positions.Length; k++)
        {
            var (entry, row, amount, mark) = rows[positions[k]];
            _rows[k] = row;
            _entries[k] = entry;
            ref readonly var e = ref board.Entries[entry];
            var cell = e.Owner * _slots + e.Segment + 1;
            _counts[cell]++;
            _sums[cell] += amount;
            if (mark > _marks[cell]) _marks[cell] = mark;
        }
    }

    /// <summary>The first <paramref name="wanted"/> rows <paramref name="scope"/> includes, in order, and its totals over all of its rows.</summary>
    public RankedPage<T> Take(BoardScope scope, int wanted)
    {
        var entries = scope.Board.Entries;
        var first = new List<T>(Math.Max(0, wanted));
        for (var k = 0; k < _rows.Length && first.Count < wanted; k++)
            if (scope.Includes(entries[_entries[k]])) first.Add(_rows[k]);

        var total = 0;
        decimal sum = 0;
        var mark = -1;
        for (var owner = 0; owner * _slots < _counts.Length; owner++)
        {
            if (!scope.IncludesOwner(owner)) continue;
            int from = owner * _slots, to = from + _slots;
            if (scope.Segment >= 0) to = (from += scope.Segment + 1) + 1;
            for (var cell = from; cell < to; cell++)
            {
                total += _counts[cell];
                sum += _sums[cell];
                if (_marks[cell] > mark) mark = _marks[cell];
            }
        }
        return new RankedPage<T>(first, total, sum, mark);
    }
}

/// <summary>The rows a list question shows up to its page, and totals over every row in its scope.</summary>
public readonly record struct RankedPage<T>(IReadOnlyList<T> First, int Total, decimal Sum, int Mark);
