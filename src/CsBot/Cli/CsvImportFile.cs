using CsvHelper;

namespace CsBot.Host.Cli;

/// <summary>
/// A CSV file read for import: its rows as ingestion records with their line numbers, and every problem found, as
/// "line, column: reason". Problems of the whole file (not UTF-8, empty, a header that does not match the layout, a
/// quote that is never closed) stop the import; problems of a row only keep that row out (see --skip-invalid).
/// </summary>
public sealed class CsvImportFile
{
    public sealed record Row(long Line, object Record, List<(string Column, string Reason)> Errors);

    public List<Row> Rows { get; } = [];

    /// <summary>Problems that make the whole file unreadable: nothing is imported, even with --skip-invalid.</summary>
    public List<string> FileErrors { get; } = [];

    public static CsvImportFile Read(string path, CsvLayout layout, Action<double>? progress)
    {
        var file = new CsvImportFile();
        using (var check = File.OpenRead(path))
            if (Utf8Check.FirstInvalid(check) is { } invalid)
            {
                file.FileErrors.Add(invalid.ToString());
                return file;
            }

        var malformed = new List<CsvMalformedRecord>();
        try
        {
            using var stream = File.OpenRead(path);
            using var csv = CsvReader.Create(stream, new CsvReaderOptions
            {
                Separator = ',', TrackLineNumbers = true, TrimWhitespace = true,
                // Reported, not thrown: each report becomes an error with its line and column.
                OnMalformedRecord = malformed.Add,
            });
            var headers = csv.Headers.ToArray();
            file.FileErrors.AddRange(HeaderErrors(headers, layout, malformed));
            if (file.FileErrors.Count > 0) return file;

            var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
            while (csv.Read())
            {
                var line = csv.LineNumber;
                var row = new CsvRow(c => index.TryGetValue(c, out var i) && i < csv.FieldCount ? csv.GetString(i) : null);
                var record = layout.Read(row);
                foreach (var report in malformed.Where(m => m.LineNumber == line))
                {
                    if (report.Reason == CsvMalformedReason.UnterminatedQuote)
                    {
                        // The rest of the file was read as this one value, so none of the rows after it can be trusted.
                        file.FileErrors.Add($"line {line}, column {ColumnName(headers, csv.FieldCount - 1)}: the quote that opens this value is never closed, " +
                                            "so the rest of the file would be read as this one value; close it, or double a quote inside a quoted value (\"\")");
                        return file;
                    }
                    if (report.Reason == CsvMalformedReason.TextAfterClosingQuote)
                        row.Errors.Add((ColumnName(headers, FieldAt(csv.RawRecord, report.ByteOffset - csv.ByteOffset)),
                            "has text after its closing quote; quote the whole value, and double a quote inside it (\"\")"));
                    // A stray quote inside an unquoted value (6" pipe) is kept as typed: nothing is lost.
                }
                malformed.RemoveAll(m => m.LineNumber <= line);
                if (csv.FieldCount > headers.Length)
                    row.Errors.Add(((headers.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        $"the row has {csv.FieldCount} values, but the header names {headers.Length} columns; " +
                        "quote a value that contains a comma (\"Acme, Inc\"), or add the column to the header"));
                else if (csv.FieldCount < headers.Length)
                    row.Errors.Add((headers[csv.FieldCount],
                        $"is missing: the row has {csv.FieldCount} values, but the header names {headers.Length} columns"));
                file.Rows.Add(new Row(line, record, row.Errors));
                if (progress is not null && file.Rows.Count % 1000 == 0) progress(100.0 * csv.ByteOffset / Math.Max(1, stream.Length));
            }
            if (file.Rows.Count == 0) file.FileErrors.Add("line 2: the file has a header but no rows");
        }
        catch (CsvFormatException e)
        {
            file.FileErrors.Add($"line {e.LineNumber}: {e.Message}");
        }
        return file;
    }

    private static IEnumerable<string> HeaderErrors(string[] headers, CsvLayout layout, List<CsvMalformedRecord> malformed)
    {
        var columns = $"the {layout.Kind} columns are {string.Join(", ", layout.Columns)}";
        if (headers.Length == 0)
        {
            yield return $"line 1: the file is empty; its first line must name the columns: {columns}";
            yield break;
        }
        if (malformed.Any(m => m.RecordNumber == 1))
        {
            yield return "line 1: the header has a quote that is never closed or text after a closing quote; it must name the columns, separated by commas";
            yield break;
        }
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length == 0) yield return $"line 1, column {i + 1}: the header gives this column no name; {columns}";
            else if (Array.IndexOf(headers, headers[i]) is var first && first < i)
                yield return $"line 1, column {headers[i]}: appears twice (columns {first + 1} and {i + 1}); which one to read is not clear, so remove one";
        }
        var unknown = headers.Where(h => h.Length > 0 && !layout.Columns.Contains(h, StringComparer.Ordinal)).Distinct().ToList();
        if (unknown.Count > 0)
            yield return $"line 1: unknown column(s) {string.Join(", ", unknown.Select(u => Closest(u, layout.Columns) is { } c ? $"{u} (did you mean {c}?)" : u))}; {columns}";
        var missing = layout.Required.Where(r => !headers.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            yield return $"line 1: the required column(s) {string.Join(", ", missing)} are missing; {columns}";
    }

    private static string ColumnName(string[] headers, int field) =>
        field >= 0 && field < headers.Length ? headers[field] : (field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 0-based field of a raw record that a byte position falls in: the separators outside quotes before it.</summary>
    private static int FieldAt(ReadOnlySpan<byte> bytes, long bytePosition)
    {
        var end = (int)Math.Clamp(bytePosition, 0, bytes.Length);
        var (field, quoted) = (0, false);
        foreach (var b in bytes[..end])
        {
            if (b == (byte)'"') quoted = !quoted;
            else if (b == (byte)',' && !quoted) field++;
        }
        return field;
    }

    /// <summary>The column a misspelt name most likely meant (ownerEmial: ownerEmail), when one is close enough.</summary>
    private static string? Closest(string name, IEnumerable<string> columns) =>
        columns.Select(c => (Column: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, x.Column.Length / 4))
            .OrderBy(x => x.Distance).Select(x => x.Column).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        // Optimal string alignment distance: a swap of two neighbours (Emial) counts as one edit.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
