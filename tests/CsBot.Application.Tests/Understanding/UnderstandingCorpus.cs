namespace CsBot.Application.Tests.Understanding;

/// <summary>One phrasing: its family, the earlier turn a follow-up answers (else empty), the text and what it means.</summary>
public sealed record UnderstandingRow(string File, int Line, string Family, string Previous, string Text, string Expected);

/// <summary>
/// Reads the understanding corpora (tab-separated: family, previous, text, expected; '#' lines are comments) from
/// tests/CsBot.Core.Tests/Querying in the source tree, next to the parser's exact-parse corpus.
/// </summary>
public static class UnderstandingCorpus
{
    public const string MainFile = "understanding.tsv";
    public const string BlindFile = "understanding-blind.tsv";

    public static IReadOnlyList<UnderstandingRow> Read(string file)
    {
        var rows = new List<UnderstandingRow>();
        var lines = File.ReadAllLines(PathOf(file));
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length != 4) throw new FormatException($"{file}:{i + 1}: expected 4 tab-separated cells, found {cells.Length}");
            rows.Add(new UnderstandingRow(file, i + 1, cells[0].Trim(), cells[1].Trim(), cells[2], cells[3].Trim()));
        }
        return rows;
    }

    public static string PathOf(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CsBot.sln")))
                return Path.Combine(dir.FullName, "tests", "CsBot.Core.Tests", "Querying", file);
        }
        throw new FileNotFoundException("CsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
