namespace CsBot.Core.Querying;

/// <summary>Which score moves a "top movers" question is about: "top movers" (both), "biggest drops", "biggest gains".</summary>
public enum MoverFilter
{
    Any,
    Drops,
    Gains,
}
