using CsBot.Core;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using Spectre.Console;

namespace CsBot.Chat.Local;

/// <summary>
/// The local chat platform: prints each message as a coloured panel (plain when output is redirected), appends a
/// plain-text copy to the log file, and keeps it in the transcript.
/// </summary>
public sealed class ConsoleChatSender(LocalChatOptions options, LocalChatTranscript transcript, TimeProvider time) : IChatSender
{
    private readonly Lock _gate = new();
    private int _sequence;

    public const string PlatformName = "local";

    public string Platform => PlatformName;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var id = $"local-{Interlocked.Increment(ref _sequence)}";
        var at = time.GetUtcNow();
        lock (_gate)
        {
            if (options.WriteToConsole) WritePanel(message);
            if (!string.IsNullOrWhiteSpace(options.LogFile)) AppendToLog(message, at);
        }
        transcript.Add(new SentMessage(id, at, message));
        return Task.FromResult(SendResult.Ok(id));
    }

    private static void WritePanel(OutgoingMessage message)
    {
        var colour = ColourFor(message.Message.Severity);
        var body = Markup.Escape(PlainTextRenderer.Render(message.Message));
        var panel = new Panel(new Markup(body))
        {
            Header = new PanelHeader(Markup.Escape($" to {message.Recipient.DisplayName} ")),
            Border = BoxBorder.Rounded,
            BorderStyle = new Style(colour),
        };
        AnsiConsole.Write(panel);
    }

    private void AppendToLog(OutgoingMessage message, DateTimeOffset at)
    {
        var path = Path.GetFullPath(options.LogFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, $"--- {at:yyyy-MM-dd HH:mm:ss}Z to {message.Recipient.DisplayName} <{message.Recipient.Key}>\n{PlainTextRenderer.Render(message.Message)}\n\n");
    }

    private static Color ColourFor(Severity? severity) => severity switch
    {
        Severity.Critical => Color.Red,
        Severity.High => Color.OrangeRed1,
        Severity.Warning => Color.Yellow,
        Severity.Info => Color.Blue,
        _ => Color.Green,
    };
}
