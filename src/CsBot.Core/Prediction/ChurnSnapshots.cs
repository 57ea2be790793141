namespace CsBot.Core.Prediction;

/// <summary>The month ends a churn model is trained and tested on (the rows: <see cref="ChurnTrainingSet"/>).</summary>
public static class ChurnSnapshots
{
    /// <summary>The last day of each of the <paramref name="months"/> months whose label window is over by <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly today, int months, ChurnLabel label)
    {
        var latest = today.AddDays(-label.HorizonDays);
        var monthEnd = new DateOnly(latest.Year, latest.Month, 1).AddDays(-1);
        var days = new List<DateOnly>(months);
        for (var k = 0; k < months; k++)
        {
            days.Add(monthEnd);
            monthEnd = new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddDays(-1);
        }
        days.Reverse();
        return days;
    }
}
