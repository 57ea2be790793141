using System.Globalization;
using System.Text;

namespace CsBot.Application.Prediction;

/// <summary>A backtest as a plain-text (and Markdown) table: the model and the rules side by side.</summary>
public static class BacktestTable
{
    public static string Render(BacktestReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Create(c, $"Trained on {r.TrainSnapshots:N0} month-end snapshots whose 90-day outcome closed before {r.TrainedBefore:yyyy-MM-dd}; " +
            $"tested on {r.TestSnapshots:N0} snapshots from {r.TestFrom:yyyy-MM-dd} to {r.TestTo:yyyy-MM-dd} ({r.TestPositives:N0} followed by churn or contraction, {r.Churners} accounts churned)."));
        text.AppendLine();
        text.AppendLine(string.Create(c, $"| Held-out snapshots | Model (top {Percent(r.TopShare)} each month) | Rules (any rule fires) |"));
        text.AppendLine("|---|---|---|");
        void Row(string name, Func<BacktestSide, string> value) => text.AppendLine($"| {name} | {value(r.Model)} | {value(r.Rules)} |");
        Row("AUC", s => Number(s.Auc, "0.00"));
        Row("Flagged snapshots", s => s.Flagged.ToString("N0", c));
        Row("Precision", s => Percent(s.Precision));
        Row("Recall", s => Percent(s.Recall));
        Row("Churned accounts flagged before churning", s => string.Create(c, $"{s.ChurnersCaught} of {r.Churners}"));
        Row("Median lead time (first flag to churn)", s => double.IsNaN(s.MedianLeadDays) ? "-" : string.Create(c, $"{s.MedianLeadDays:0} days"));
        text.AppendLine();
        text.AppendLine("The rules' AUC ranks snapshots by how many rules fire.");
        return text.ToString();
    }

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "-" : Core.Formatting.Format.Whole(value * 100) + "%";
}
