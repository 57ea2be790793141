namespace CsBot.Host.Configuration;

/// <summary>Where alerts, reminders and digests are delivered. Section "Chat".</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>
    /// Auto (default): Slack when it is configured, else Teams when it has app credentials, else the local sink.
    /// Or name one: Local, Slack, Teams. Questions are answered on every configured platform either way.
    /// </summary>
    public ChatPlatform Platform { get; set; } = ChatPlatform.Auto;
}

public enum ChatPlatform
{
    Auto,
    Local,
    Slack,
    Teams,
}
