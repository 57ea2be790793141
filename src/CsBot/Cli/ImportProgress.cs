using System.Globalization;

namespace CsBot.Host.Cli;

/// <summary>
/// How far an import to a running CsBot has got, on stderr so stdout keeps only the result: a bar redrawn in place at a
/// terminal, one plain line per batch when stderr is a file or a pipe (a nightly job's log).
/// </summary>
internal sealed class ImportProgress(TextWriter error, bool terminal, string what, int total)
{
    private const int BarWidth = 30;
    private int _sent;
    private bool _barShown;

    public void Advance(int rows)
    {
        _sent += rows;
        var percent = total == 0 ? 100 : (int)(100L * _sent / total);
        var counts = $"{N(_sent)} of {N(total)} {what} rows";
        if (terminal)
        {
            var filled = BarWidth * percent / 100;
            error.Write($"\r[{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}%  {counts}");
            _barShown = true;
        }
        else error.WriteLine($"Sent {counts} ({percent}%)");
        error.Flush();
    }

    /// <summary>A line between bar updates (a retry), on its own line so the bar is redrawn below it.</summary>
    public void Note(string text)
    {
        EndBar();
        error.WriteLine(text);
    }

    public void Done() => EndBar();

    private void EndBar()
    {
        if (!_barShown) return;
        error.WriteLine();
        _barShown = false;
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
