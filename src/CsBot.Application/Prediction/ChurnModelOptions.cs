using CsBot.Application.Settings;
using Microsoft.Extensions.Configuration;

namespace CsBot.Application.Prediction;

/// <summary>
/// How the churn model is trained, gated and shown. Section "Prediction". Nothing is predicted until a model passed
/// its gate, so a new installation, with too little history, shows no predictions; the demo portfolio has the history.
/// </summary>
public sealed class ChurnModelOptions
{
    public const string SectionName = "Prediction";

    /// <summary>Train the model (weekly, and at start-up while none is stored) and show its predictions once one passed.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Days after a snapshot within which a churn or contraction counts as the outcome to predict.</summary>
    public int HorizonDays { get; set; } = 90;
    /// <summary>Share of MRR a contraction within the horizon must reach to count like a churn (0.2 = 20%).</summary>
    public double ContractionShare { get; set; } = 0.2;
    /// <summary>Month-end snapshots the model learns from (the most recent whose horizon is over).</summary>
    public int HistoryMonths { get; set; } = 24;
    /// <summary>The latest of those months, held out to test the model on a later period than it learned from.</summary>
    public int TestMonths { get; set; } = 6;
    /// <summary>Churns needed in the history before a model is trained at all.</summary>
    public int MinimumChurnEvents { get; set; } = 20;
    /// <summary>Quality gate: area under the ROC curve on the held-out months a model must reach to be used.</summary>
    public double MinimumAuc { get; set; } = 0.65;
    /// <summary>Share of accounts flagged when precision and recall are measured ("top decile").</summary>
    public double TopShare { get; set; } = 0.1;
    /// <summary>
    /// Accounts a training learns from at most; a larger portfolio is sampled by account id (<see cref="ChurnTrainingSample"/>),
    /// which bounds the training's time and memory.
    /// </summary>
    public int MaxTrainingAccounts { get; set; } = 30_000;

    /// <summary>Binds and checks section "Prediction", adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static ChurnModelOptions Read(IConfiguration configuration, ICollection<string> errors)
    {
        var options = SettingsReader.Bind<ChurnModelOptions>(configuration, SectionName, errors);
        foreach (var error in options.Validate()) errors.Add(error);
        return options;
    }

    /// <summary>Every problem with these values, each naming its key and the fix. Empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HorizonDays is < 7 or > 365) errors.Add($"Prediction:HorizonDays is {HorizonDays}; use 7 to 365 (default 90).");
        if (ContractionShare is <= 0 or > 1) errors.Add($"Prediction:ContractionShare is {ContractionShare}; use a fraction above 0 up to 1 (default 0.2).");
        if (HistoryMonths is < 3 or > 120) errors.Add($"Prediction:HistoryMonths is {HistoryMonths}; use 3 to 120 (default 24).");
        if (TestMonths < 1 || TestMonths >= HistoryMonths)
            errors.Add($"Prediction:TestMonths is {TestMonths}; use at least 1 and fewer than Prediction:HistoryMonths ({HistoryMonths}) (default 6).");
        if (MinimumChurnEvents is < 1 or > 100_000) errors.Add($"Prediction:MinimumChurnEvents is {MinimumChurnEvents}; use 1 to 100000 (default 20).");
        if (MinimumAuc is < 0.5 or > 1) errors.Add($"Prediction:MinimumAuc is {MinimumAuc}; use 0.5 (chance) to 1 (default 0.65).");
        if (TopShare is <= 0 or >= 1) errors.Add($"Prediction:TopShare is {TopShare}; use a fraction between 0 and 1 (default 0.1).");
        if (MaxTrainingAccounts is < 1_000 or > 10_000_000)
            errors.Add($"Prediction:MaxTrainingAccounts is {MaxTrainingAccounts}; use 1000 to 10000000 (default 30000).");
        return errors;
    }
}
