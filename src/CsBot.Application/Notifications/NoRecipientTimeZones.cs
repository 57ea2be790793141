using CsBot.Core.Ports;

namespace CsBot.Application.Notifications;

/// <summary>For a host whose chat platforms know nobody's time zone: quiet hours use the CRM's zone, else the business one.</summary>
public sealed class NoRecipientTimeZones : IRecipientTimeZones
{
    public string? Find(string email) => null;
}
