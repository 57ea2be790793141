using CsBot.Application.Asking;
using CsBot.Chat.Local;
using Spectre.Console;

namespace CsBot.Chat.Local;

/// <summary>
/// Lets someone running CsBot in a terminal ask it questions, answered through the same
/// <see cref="AskService"/> every chat platform uses. Only active when standard input is a terminal.
/// </summary>
public sealed class ConsolePrompt(AskService ask, LocalChatOptions options, IHostApplicationLifetime lifetime, ILogger<ConsolePrompt> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ConsolePrompt || Console.IsInputRedirected) return;
        await WhenStarted(stoppingToken);
        logger.LogInformation("Ask CsBot anything here, e.g. \"health of Acme Corp\" (Ctrl+C to stop)");
        // One conversation for the terminal, so follow-ups ("and initrode?", "show more") work there too.
        var asker = Asker.Local(Environment.UserName) with { ConversationId = "console" };
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await Task.Run(Console.ReadLine, stoppingToken).WaitAsync(stoppingToken);
            if (line is null) return;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var answer = ask.Ask(line, asker);
            AnsiConsole.Write(new Panel(Markup.Escape(PlainTextRenderer.Render(answer))) { Header = new PanelHeader(" CsBot "), Border = BoxBorder.Rounded });
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
