namespace CsBot.Scheduling;

/// <summary>When scheduled work runs. Section "Scheduling". Cron expressions use Quartz syntax (seconds first).</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>IANA or Windows time-zone id the cron expressions and "today" are read in.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Risk evaluation: score every account and raise alerts. Default: at the top of every hour.</summary>
    public string RiskEvaluationCron { get; set; } = "0 0 * * * ?";
    /// <summary>Also run the risk evaluation once as soon as the host has started.</summary>
    public bool EvaluateAtStartup { get; set; } = true;
    /// <summary>Alert nudges (reminders of acknowledged alerts still firing, morning summaries). Default: every 15 minutes.</summary>
    public string NudgeCron { get; set; } = "0 0/15 * * * ?";
    /// <summary>Churn model training (when Prediction:Enabled). Default: Sundays at 03:00.</summary>
    public string ChurnModelTrainingCron { get; set; } = "0 0 3 ? * SUN";
    /// <summary>Also train once at start-up when no model is stored or the last training is over a week old.</summary>
    public bool TrainChurnModelAtStartup { get; set; } = true;
}
