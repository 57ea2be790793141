using System.Buffers.Binary;
using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>
/// An account's daily score history as the read model holds it: one byte a day from its first point to its last (the
/// first day's number in front), instead of eight bytes a point in a <see cref="ScorePoint"/> array. The read model holds
/// a history for every account with 90 to 400 days each, so at 100k accounts this is tens of megabytes instead of
/// hundreds. A day without a point holds <see cref="NoPoint"/>. A history that does not fit (a score outside 0-254,
/// dates not one point a day in order, or so sparse that a byte a day is larger) is held as its points unchanged, so
/// nothing is ever lost or changed by packing.
/// </summary>
public sealed class PackedScoreHistory
{
    public static readonly PackedScoreHistory Empty = new(null);

    private const byte NoPoint = byte.MaxValue;
    private const int Header = sizeof(int);

    // A byte[] (header and a byte a day) or a ScorePoint[] (oldest first) when the points do not pack; null when empty.
    private readonly object? _data;

    private PackedScoreHistory(object? data) => _data = data;

    public bool IsEmpty => _data is null;

    /// <summary>Packs <paramref name="points"/> (oldest first, one a day); the array is not kept when it packs.</summary>
    public static PackedScoreHistory Of(ScorePoint[] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length == 0) return Empty;
        var first = points[0].Date.DayNumber;
        var span = (long)points[^1].Date.DayNumber - first + 1;
        var packs = span <= (long)points.Length * 8;
        for (var i = 0; packs && i < points.Length; i++)
            packs = points[i].Score is >= 0 and < NoPoint && (i == 0 || points[i].Date > points[i - 1].Date);
        if (!packs) return new PackedScoreHistory(points);
        var bytes = new byte[Header + span];
        bytes.AsSpan(Header).Fill(NoPoint);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, first);
        foreach (var point in points) bytes[Header + point.Date.DayNumber - first] = (byte)point.Score;
        return new PackedScoreHistory(bytes);
    }

    /// <summary>Every history of <paramref name="histories"/> packed, by the same keys.</summary>
    public static Dictionary<string, PackedScoreHistory> All(IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var packed = new Dictionary<string, PackedScoreHistory>(histories.Count, StringComparer.Ordinal);
        foreach (var (id, points) in histories) packed[id] = Of(points);
        return packed;
    }

    /// <summary>How many points the history holds.</summary>
    public int Count
    {
        get
        {
            if (_data is ScorePoint[] points) return points.Length;
            if (_data is not byte[] bytes) return 0;
            var days = bytes.AsSpan(Header);
            return days.Length - days.Count(NoPoint);
        }
    }

    /// <summary>The points, oldest first, as a new array.</summary>
    public ScorePoint[] ToArray()
    {
        if (_data is ScorePoint[] points) return (ScorePoint[])points.Clone();
        var result = new ScorePoint[Count];
        CopyTo(result);
        return result;
    }

    /// <summary>Writes the points, oldest first, to the start of <paramref name="destination"/> (at least <see cref="Count"/> long); returns how many.</summary>
    public int CopyTo(Span<ScorePoint> destination)
    {
        if (_data is ScorePoint[] points)
        {
            points.CopyTo(destination);
            return points.Length;
        }
        if (_data is not byte[] bytes) return 0;
        var first = FirstDay(bytes);
        var n = 0;
        for (var i = Header; i < bytes.Length; i++)
            if (bytes[i] != NoPoint) destination[n++] = new ScorePoint(DateOnly.FromDayNumber(first + i - Header), bytes[i]);
        return n;
    }

    /// <summary>
    /// The score of the last point on or before <paramref name="day"/> when that point is at most
    /// <paramref name="toleranceDays"/> days before it; null when there is none that recent.
    /// </summary>
    public int? ScoreNear(DateOnly day, int toleranceDays)
    {
        if (_data is ScorePoint[] points)
        {
            var at = LastOnOrBefore(points, day);
            return at >= 0 && points[at].Date.DayNumber >= day.DayNumber - toleranceDays ? points[at].Score : null;
        }
        if (_data is not byte[] bytes) return null;
        var first = FirstDay(bytes);
        var last = bytes.Length - Header - 1;
        var from = Math.Min((long)day.DayNumber - first, last);
        var to = Math.Max((long)day.DayNumber - toleranceDays - first, 0);
        for (var i = from; i >= to; i--)
            if (bytes[Header + i] != NoPoint) return bytes[Header + i];
        return null;
    }

    /// <summary>The score of the last point on or before <paramref name="day"/>, else of the first point after it; null when empty.</summary>
    public int? ScoreOnOrFirstAfter(DateOnly day)
    {
        if (_data is ScorePoint[] points)
        {
            var at = LastOnOrBefore(points, day);
            return at >= 0 ? points[at].Score : points[0].Score;
        }
        if (_data is not byte[] bytes) return null;
        var first = FirstDay(bytes);
        // The first day always holds a point, so the walk back always ends on one.
        for (var i = Math.Clamp((long)day.DayNumber - first, 0, bytes.Length - Header - 1); i >= 0; i--)
            if (bytes[Header + i] != NoPoint) return bytes[Header + i];
        return null;
    }

    /// <summary>This history with <paramref name="point"/> as its day's point (added, or replacing that day's); this one is not changed.</summary>
    public PackedScoreHistory With(ScorePoint point)
    {
        if (_data is byte[] bytes && point.Score is >= 0 and < NoPoint)
        {
            var first = FirstDay(bytes);
            var days = bytes.Length - Header;
            var newFirst = Math.Min(first, point.Date.DayNumber);
            var newDays = Math.Max(first + days, point.Date.DayNumber + 1) - newFirst;
            if (newDays == days)
            {
                if (bytes[Header + point.Date.DayNumber - first] == point.Score) return this;
                var replaced = (byte[])bytes.Clone();
                replaced[Header + point.Date.DayNumber - first] = (byte)point.Score;
                return new PackedScoreHistory(replaced);
            }
            if (newDays <= (Count + 1L) * 8)
            {
                var grown = new byte[Header + newDays];
                grown.AsSpan(Header).Fill(NoPoint);
                BinaryPrimitives.WriteInt32LittleEndian(grown, newFirst);
                bytes.AsSpan(Header).CopyTo(grown.AsSpan(Header + first - newFirst));
                grown[Header + point.Date.DayNumber - newFirst] = (byte)point.Score;
                return new PackedScoreHistory(grown);
            }
        }
        return Of(Inserted(ToArray(), point));
    }

    private static int FirstDay(byte[] bytes) => BinaryPrimitives.ReadInt32LittleEndian(bytes);

    /// <summary>Index of the last point on or before <paramref name="day"/> in <paramref name="points"/> (oldest first), -1 when none.</summary>
    private static int LastOnOrBefore(ScorePoint[] points, DateOnly day)
    {
        int lo = 0, hi = points.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (points[mid].Date <= day) lo = mid + 1;
            else hi = mid;
        }
        return lo - 1;
    }

    private static ScorePoint[] Inserted(ScorePoint[] history, ScorePoint point)
    {
        int lo = 0, hi = history.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (history[mid].Date < point.Date) lo = mid + 1;
            else hi = mid;
        }
        if (lo < history.Length && history[lo].Date == point.Date)
        {
            history[lo] = point;
            return history;
        }
        var inserted = new ScorePoint[history.Length + 1];
        history.AsSpan(0, lo).CopyTo(inserted);
        inserted[lo] = point;
        history.AsSpan(lo).CopyTo(inserted.AsSpan(lo + 1));
        return inserted;
    }
}
