namespace CsBot.Core.Signals;

/// <summary>Survey scales: NPS 0-10, CSAT 1-5, CES 1-7 (higher is easier).</summary>
public enum SurveyKind
{
    Nps,
    Csat,
    Ces,
}
