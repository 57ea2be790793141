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
        var at = time.GetUtcNow();
        // An update redraws the message in the transcript, as Slack and Teams redraw theirs; one that has left the
        // transcript (or a restart) is shown as a new message instead.
        if (message.Link is { Kind: MessageLinkKind.Replace, ParentMessageId: { } parent } && transcript.Replace(parent, message.Message, at))
        {
            Write(message with { Recipient = message.Recipient with { DisplayName = message.Recipient.DisplayName + " (updated)" } }, at);
            return Task.FromResult(SendResult.Ok(parent));
        }
        var id = $"local-{Interlocked.Increment(ref _sequence)}";
        Write(message, at);
        transcript.Add(new SentMessage(id, at, message) { ThreadOf = message.Link is { Kind: MessageLinkKind.Reply } link ? link.ParentMessageId : null });
        return Task.FromResult(SendResult.Ok(id));
    }

    private void Write(OutgoingMessage message, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (options.WriteToConsole) WritePanel(message);
            if (!string.IsNullOrWhiteSpace(options.LogFile)) AppendToLog(message, at);
        }
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
