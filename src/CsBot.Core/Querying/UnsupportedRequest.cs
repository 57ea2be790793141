namespace CsBot.Core.Querying;

/// <summary>Kinds of request CsBot does not do, each answered with what it can do instead.</summary>
public enum UnsupportedRequest
{
    /// <summary>"what will NRR be next quarter", "will Initech renew": CsBot reports what happened, it does not predict.</summary>
    Forecast,
    /// <summary>"open a ticket for Acme", "draft an email to Hooli": CsBot reads customer data, it does not act in other tools.</summary>
    Action,
    /// <summary>"who is the contact at Globex", "Stark Industries' phone number": CsBot keeps no customer contacts.</summary>
    ContactDetails,
}
