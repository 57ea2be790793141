namespace CsBot.Host.Configuration;

/// <summary>The demo portfolio loaded into an empty store so CsBot has something to watch. Section "Demo".</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Load the demo portfolio when the store is empty.</summary>
    public bool Enabled { get; set; } = true;
    public int AccountCount { get; set; } = 200;
    public int Seed { get; set; } = 42;
    /// <summary>Days of daily score history computed from the demo signals, so trends and drops show at once.</summary>
    public int HistoryDays { get; set; } = 90;
    /// <summary>Days of daily usage per demo account; the default covers the two years the churn model learns from.</summary>
    public int UsageDays { get; set; } = CsBot.DemoData.DemoPortfolio.FullHistoryUsageDays;
}
