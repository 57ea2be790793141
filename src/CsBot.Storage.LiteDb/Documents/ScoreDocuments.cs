using System.Buffers.Binary;
using CsBot.Core.Scoring;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// An account's latest health score with its full breakdown, collection "scores_latest", keyed by the account id.
/// Written now as format 2: day, score and band as fields and the breakdown packed in one binary field
/// (<see cref="ScoreBreakdownPacking"/>), built and read by hand rather than through the reflection mapper. Documents
/// of format 1 (no format field, the breakdown as arrays of <see cref="ComponentScoreDocument"/> and
/// <see cref="OmittedComponentDocument"/>) are still read, and are rewritten in format 2 when their score changes.
/// </summary>
internal sealed class LatestScoreDocument
{
    public const int CurrentFormat = 2;
    private const string FormatField = "Format";
    private const string BreakdownField = "Breakdown";

    [BsonId]
    public string Id { get; set; } = "";
    public int AsOfDay { get; set; }
    public int Score { get; set; }
    public HealthBand Band { get; set; }
    public List<ComponentScoreDocument> Components { get; set; } = [];
    public List<OmittedComponentDocument> Omitted { get; set; } = [];

    /// <summary>The document of format 2 for <paramref name="score"/>, its breakdown already packed.</summary>
    public static BsonDocument ToBson(HealthScore score, byte[] breakdown) => new()
    {
        ["_id"] = score.AccountId,
        [FormatField] = CurrentFormat,
        [nameof(AsOfDay)] = Days.From(score.AsOf),
        [nameof(Score)] = score.Score,
        [nameof(Band)] = score.Band.ToString(),
        [BreakdownField] = breakdown,
    };

    /// <summary>The score a stored document of either format holds.</summary>
    public static HealthScore ToHealthScore(BsonDocument stored, BsonMapper mapper)
    {
        if (!stored.TryGetValue(BreakdownField, out var breakdown) || !breakdown.IsBinary) return mapper.ToObject<LatestScoreDocument>(stored).ToHealthScore();
        var format = stored[FormatField];
        if (!format.IsInt32 || format.AsInt32 != CurrentFormat)
            throw new InvalidDataException($"Latest score of account '{stored["_id"]}' is stored in unknown format {format}.");
        var (components, omitted) = ScoreBreakdownPacking.Unpack(breakdown.AsBinary);
        return new HealthScore
        {
            AccountId = stored["_id"].AsString,
            AsOf = Days.ToDate(stored[nameof(AsOfDay)].AsInt32),
            Score = stored[nameof(Score)].AsInt32,
            Band = Enum.Parse<HealthBand>(stored[nameof(Band)].AsString),
            Components = components,
            Omitted = omitted,
        };
    }

    /// <summary>
    /// Whether a stored latest-score document of either format holds exactly the score that packs to
    /// <paramref name="breakdown"/>, read from the raw document. Format 2 compares the packed bytes; format 1 field by
    /// field (<see cref="Holds(BsonDocument, HealthScore)"/>).
    /// </summary>
    public static bool Holds(BsonDocument stored, HealthScore score, byte[] breakdown)
    {
        if (!stored.TryGetValue(BreakdownField, out var packed)) return Holds(stored, score);
        return packed.IsBinary && Is(stored, nameof(AsOfDay), Days.From(score.AsOf)) && Is(stored, nameof(Score), score.Score)
            && IsName(stored, nameof(Band), score.Band) && packed.AsBinary.AsSpan().SequenceEqual(breakdown);
    }

    public static LatestScoreDocument From(HealthScore score) => new()
    {
        Id = score.AccountId,
        AsOfDay = Days.From(score.AsOf),
        Score = score.Score,
        Band = score.Band,
        Components = [.. score.Components.Select(c => new ComponentScoreDocument
        {
            Kind = c.Kind, Value = c.Value, Points = c.Points, Weight = c.Weight, Contribution = c.Contribution, Reason = c.Reason,
        })],
        Omitted = [.. score.Omitted.Select(o => new OmittedComponentDocument { Kind = o.Kind, Why = o.Why })],
    };

    /// <summary>
    /// Whether a stored latest-score document of format 1 holds exactly <paramref name="score"/>, read field by field
    /// from the raw document, so an unchanged score costs no mapping. Any field missing or of another type counts as a
    /// change.
    /// </summary>
    private static bool Holds(BsonDocument stored, HealthScore score)
    {
        if (!Is(stored, nameof(AsOfDay), Days.From(score.AsOf)) || !Is(stored, nameof(Score), score.Score) || !IsName(stored, nameof(Band), score.Band)) return false;
        if (!stored.TryGetValue(nameof(Components), out var components) || !components.IsArray || components.AsArray.Count != score.Components.Count) return false;
        for (var i = 0; i < score.Components.Count; i++)
        {
            var c = score.Components[i];
            if (!components.AsArray[i].IsDocument) return false;
            var d = components.AsArray[i].AsDocument;
            if (!IsName(d, nameof(ComponentScoreDocument.Kind), c.Kind) || !Is(d, nameof(ComponentScoreDocument.Value), c.Value) || !Is(d, nameof(ComponentScoreDocument.Points), c.Points)
                || !Is(d, nameof(ComponentScoreDocument.Weight), c.Weight) || !Is(d, nameof(ComponentScoreDocument.Contribution), c.Contribution)
                || !Is(d, nameof(ComponentScoreDocument.Reason), c.Reason)) return false;
        }
        if (!stored.TryGetValue(nameof(Omitted), out var omitted) || !omitted.IsArray || omitted.AsArray.Count != score.Omitted.Count) return false;
        for (var i = 0; i < score.Omitted.Count; i++)
        {
            var o = score.Omitted[i];
            if (!omitted.AsArray[i].IsDocument) return false;
            var d = omitted.AsArray[i].AsDocument;
            if (!IsName(d, nameof(OmittedComponentDocument.Kind), o.Kind) || !Is(d, nameof(OmittedComponentDocument.Why), o.Why)) return false;
        }
        return true;
    }

    private static bool Is(BsonDocument document, string field, BsonValue expected) => document.TryGetValue(field, out var value) && value == expected;
    private static bool IsName<T>(BsonDocument document, string field, T expected) where T : struct, Enum =>
        document.TryGetValue(field, out var value) && value.IsString && value.AsString == expected.ToString();

    public HealthScore ToHealthScore() => new()
    {
        AccountId = Id,
        AsOf = Days.ToDate(AsOfDay),
        Score = Score,
        Band = Band,
        Components = [.. (Components ?? []).Select(c => new ComponentScore(c.Kind, c.Value, c.Points, c.Weight, c.Contribution, c.Reason))],
        Omitted = [.. (Omitted ?? []).Select(o => new OmittedComponent(o.Kind, o.Why))],
    };
}

internal sealed class ComponentScoreDocument
{
    public HealthComponentKind Kind { get; set; }
    public double Value { get; set; }
    public double Points { get; set; }
    public double Weight { get; set; }
    public double Contribution { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class OmittedComponentDocument
{
    public HealthComponentKind Kind { get; set; }
    public string Why { get; set; } = "";
}

/// <summary>
/// An account's daily score history, collection "score_history", keyed by the account id: the points packed into one
/// binary field, oldest first — per point, little-endian int32s: day number, score (8 bytes) — at most
/// <see cref="MaxDays"/> days.
/// </summary>
internal sealed class ScoreHistoryDocument
{
    public const int CurrentFormat = 1;
    /// <summary>History older than this many days before the newest point is dropped on save.</summary>
    public const int MaxDays = 400;
    internal const int BytesPerPoint = 2 * sizeof(int);

    [BsonId]
    public string Id { get; set; } = "";
    public int Format { get; set; } = CurrentFormat;
    public byte[] Packed { get; set; } = [];
    /// <summary>
    /// <see cref="ScoreFingerprint"/> of the account's document in "scores_latest", written with it, so a save of an
    /// unchanged score needs neither document read back. Null when unknown: histories written before it existed, or
    /// replaced whole (<see cref="LiteDbScoreStore.SaveHistories"/>); such a save then compares the latest document.
    /// </summary>
    public long? LatestFingerprint { get; set; }
    /// <summary>
    /// The day of the latest score <see cref="LatestFingerprint"/> is of, written with it, so a save of a changed score
    /// knows without reading the latest document whether the stored one is of a later day (a back-fill must not turn
    /// the current score back). Null when the fingerprint is, and in histories written before it existed.
    /// </summary>
    public int? LatestDay { get; set; }

    /// <summary>The document for a save of scores, built by hand (no reflection mapper); the latest score's fingerprint and day go together or not at all.</summary>
    public static BsonDocument ToBson(string accountId, byte[] packed, long? latestFingerprint, int? latestDay)
    {
        var document = new BsonDocument
        {
            ["_id"] = accountId,
            [nameof(Format)] = CurrentFormat,
            [nameof(Packed)] = packed,
        };
        if (latestFingerprint is { } fingerprint && latestDay is { } day)
        {
            document[nameof(LatestFingerprint)] = fingerprint;
            document[nameof(LatestDay)] = day;
        }
        // A point a day, the history grows on pages its neighbours fill (GrowthRoom).
        return GrowthRoom.Padded(document);
    }

    /// <summary>The <see cref="LatestFingerprint"/> of a stored history document, or null when it has none.</summary>
    public static long? LatestFingerprintOf(BsonDocument? stored) =>
        stored is not null && stored.TryGetValue(nameof(LatestFingerprint), out var value) && value.IsInt64 ? value.AsInt64 : null;

    /// <summary>The <see cref="LatestDay"/> of a stored history document, or null when it has none.</summary>
    public static int? LatestDayOf(BsonDocument? stored) =>
        stored is not null && stored.TryGetValue(nameof(LatestDay), out var value) && value.IsInt32 ? value.AsInt32 : null;

    public ScorePoint[] ToPoints()
    {
        if (Format != CurrentFormat) throw new InvalidDataException($"Score history of account '{Id}' is stored in unknown format {Format}.");
        return Unpack(Packed);
    }

    /// <summary>
    /// Sorts by day, keeps the last point given for a day, and drops days more than <see cref="MaxDays"/> before the
    /// newest one. Returns a new array; the input is not changed.
    /// </summary>
    public static ScorePoint[] Normalize(IEnumerable<ScorePoint> points)
    {
        var given = points.ToArray();
        if (given.Length == 0) return [];

        var sorted = given;
        if (!IsStrictlyAscending(given))
        {
            // OrderBy is stable, so among points of the same day the last one given comes last and wins below.
            var ordered = given.OrderBy(p => p.Date).ToArray();
            var unique = new List<ScorePoint>(ordered.Length);
            foreach (var point in ordered)
            {
                if (unique.Count > 0 && unique[^1].Date == point.Date) unique[^1] = point;
                else unique.Add(point);
            }
            sorted = [.. unique];
        }

        var oldestKept = sorted[^1].Date.DayNumber - MaxDays + 1;
        var firstKept = 0;
        while (sorted[firstKept].Date.DayNumber < oldestKept) firstKept++;
        return firstKept == 0 ? sorted : sorted[firstKept..];
    }

    private static bool IsStrictlyAscending(ScorePoint[] points)
    {
        for (var i = 1; i < points.Length; i++)
        {
            if (points[i].Date <= points[i - 1].Date) return false;
        }
        return true;
    }

    /// <summary>
    /// Puts <paramref name="point"/> into a sorted history, replacing a point of the same day, and trims it to
    /// <see cref="MaxDays"/> days.
    /// </summary>
    public static ScorePoint[] Merge(ScorePoint[] sorted, ScorePoint point)
    {
        var index = Array.BinarySearch(sorted, point, DayComparer.Instance);
        ScorePoint[] merged;
        if (index >= 0)
        {
            merged = (ScorePoint[])sorted.Clone();
            merged[index] = point;
        }
        else
        {
            index = ~index;
            merged = new ScorePoint[sorted.Length + 1];
            Array.Copy(sorted, merged, index);
            merged[index] = point;
            Array.Copy(sorted, index, merged, index + 1, sorted.Length - index);
        }

        var oldestKept = merged[^1].Date.DayNumber - MaxDays + 1;
        var firstKept = 0;
        while (merged[firstKept].Date.DayNumber < oldestKept) firstKept++;
        return firstKept == 0 ? merged : merged[firstKept..];
    }

    /// <summary>The packed points of a stored history document, checked to be of the current format.</summary>
    public static byte[] PackedOf(BsonDocument stored)
    {
        var format = stored[nameof(Format)];
        if (!format.IsInt32 || format.AsInt32 != CurrentFormat)
            throw new InvalidDataException($"Score history of account '{stored["_id"]}' is stored in unknown format {format}.");
        return stored[nameof(Packed)].AsBinary ?? [];
    }

    /// <summary>Whether packed, sorted points already hold <paramref name="point"/> (same day, same score), without unpacking them.</summary>
    public static bool Holds(ReadOnlySpan<byte> packed, ScorePoint point)
    {
        var day = point.Date.DayNumber;
        int low = 0, high = packed.Length / BytesPerPoint - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var at = packed[(middle * BytesPerPoint)..];
            var middleDay = BinaryPrimitives.ReadInt32LittleEndian(at);
            if (middleDay == day) return BinaryPrimitives.ReadInt32LittleEndian(at[4..]) == point.Score;
            if (middleDay < day) low = middle + 1;
            else high = middle - 1;
        }
        return false;
    }

    public static byte[] Pack(ReadOnlySpan<ScorePoint> points)
    {
        var bytes = new byte[points.Length * BytesPerPoint];
        var span = bytes.AsSpan();
        foreach (var point in points)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, point.Date.DayNumber);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], point.Score);
            span = span[BytesPerPoint..];
        }
        return bytes;
    }

    public static ScorePoint[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % BytesPerPoint != 0) throw new InvalidDataException($"Packed score history has {bytes.Length} bytes, not a multiple of {BytesPerPoint}.");
        var points = new ScorePoint[bytes.Length / BytesPerPoint];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new ScorePoint(DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(bytes)), BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]));
            bytes = bytes[BytesPerPoint..];
        }
        return points;
    }

    private sealed class DayComparer : IComparer<ScorePoint>
    {
        public static readonly DayComparer Instance = new();
        public int Compare(ScorePoint x, ScorePoint y) => x.Date.CompareTo(y.Date);
    }
}
