namespace CsBot.Core.Ports;

/// <summary>
/// The time zone a chat platform knows for a person, by email (Slack's users.info tz, for example), used for quiet
/// hours when the CRM gave none. Answers from what the platform has already told us; null when it has not.
/// </summary>
public interface IRecipientTimeZones
{
    string? Find(string email);
}
