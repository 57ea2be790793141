using CsBot.Core.Scoring;

namespace CsBot.Core.Rules;

/// <summary>
/// A configured churn-risk rule. Only the parameters its <see cref="Kind"/> uses are read
/// (see <see cref="RuleKind"/>); <see cref="RuleValidation"/> reports missing or out-of-range ones.
/// </summary>
public sealed class RuleDefinition
{
    public string Id { get; set; } = "";
    public RuleKind Kind { get; set; }
    public Severity Severity { get; set; } = Severity.Warning;
    public bool Enabled { get; set; } = true;
    public double? Threshold { get; set; }
    public double? Points { get; set; }
    public double? Percent { get; set; }
    public int? Days { get; set; }
    public int? Count { get; set; }
    public int? RecentDays { get; set; }
    public int? BaselineDays { get; set; }
    public List<HealthBand>? Bands { get; set; }

    /// <summary>
    /// The same rule over another window of <paramref name="days"/> days ("detractors this month"). A member-wise copy, so
    /// a parameter added to this class later is carried over too.
    /// </summary>
    public RuleDefinition WithDays(int days)
    {
        var copy = (RuleDefinition)MemberwiseClone();
        copy.Days = days;
        return copy;
    }
}
