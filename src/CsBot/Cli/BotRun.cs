namespace CsBot.Host.Cli;

/// <summary>The default command: the bot itself, with its web host, scheduler and chat platforms, until stopped.</summary>
public static class BotRun
{
    public static int Run(IReadOnlyList<string> settings)
    {
        var builder = WebApplication.CreateBuilder([.. settings]);
        builder.AddCsBot();
        var app = builder.Build();
        app.MapCsBot();
        app.Run();
        return ExitCodes.Ok;
    }
}
