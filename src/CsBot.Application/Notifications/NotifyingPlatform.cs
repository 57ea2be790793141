namespace CsBot.Application.Notifications;

/// <summary>
/// The one chat platform alerts, reminders and digests are delivered to, as the host chose it. Quiet hours protect
/// people's evenings in a real workspace; on a local sink nobody is disturbed and they would only hide the demo.
/// </summary>
public sealed record NotifyingPlatform(string Name, bool KeepsQuietHours);
