namespace CsBot.Core.Querying;

/// <summary>The facts about one account a question can ask for.</summary>
public enum AccountFactKind
{
    RenewalDate,
    Owner,
    Arr,
    Mrr,
    Seats,
    Segment,
    Plan,
    LastLogin,
    OpenTickets,
}
