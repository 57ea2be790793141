using CsBot.Application.Settings;
using Microsoft.Extensions.Configuration;

namespace CsBot.Chat.Local;

/// <summary>The local chat sink, used when no Slack or Teams workspace is connected. Section "LocalChat".</summary>
public sealed class LocalChatOptions
{
    public const string SectionName = "LocalChat";

    /// <summary>Print delivered messages to the console, coloured when it is a terminal.</summary>
    public bool WriteToConsole { get; set; } = true;
    /// <summary>Plain-text copy of every delivered message; empty to disable.</summary>
    public string LogFile { get; set; } = "logs/local-chat.log";
    /// <summary>Read questions from the console when it is an interactive terminal.</summary>
    public bool ConsolePrompt { get; set; } = true;
    /// <summary>Let clients on other machines use /api/local/*. Off by default: the local chat answers loopback clients only.</summary>
    public bool AllowRemote { get; set; }
    /// <summary>
    /// Host names the local surfaces answer besides localhost, 127.0.0.1 and [::1] (e.g. a name in /etc/hosts). With
    /// AllowRemote, a non-empty list is the only names they answer. Requests for other names get 403.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Binds the section, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static LocalChatOptions Read(IConfiguration configuration, ICollection<string> errors) =>
        SettingsReader.Bind<LocalChatOptions>(configuration, SectionName, errors);
}
