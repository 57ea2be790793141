namespace CsBot.Core.Signals;

public sealed record SurveyResponse(string Id, string AccountId, SurveyKind Kind, int Score, DateOnly Date, string? Respondent = null)
{
    public bool IsPromoter => Kind == SurveyKind.Nps && Score >= 9;
    public bool IsDetractor => Kind == SurveyKind.Nps && Score <= 6;
}
