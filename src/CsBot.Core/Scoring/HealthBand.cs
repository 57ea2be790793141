namespace CsBot.Core.Scoring;

public enum HealthBand
{
    Poor,
    Average,
    Good,
}
