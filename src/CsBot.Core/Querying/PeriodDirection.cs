namespace CsBot.Core.Querying;

/// <summary>
/// Which way an open-ended time expression leans. Metrics look back ("in March" = the last March that has started);
/// renewals look ahead ("in March" = the next March that has not ended, "this quarter" = the whole quarter).
/// </summary>
public enum PeriodDirection
{
    Past,
    Future,
}
