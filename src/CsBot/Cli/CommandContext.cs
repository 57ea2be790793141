namespace CsBot.Host.Cli;

/// <summary>
/// What every command shares: the settings given on the command line and where to write. Settings come from one
/// source for the bot and every command: appsettings.json (and appsettings.{Environment}.json) in the working
/// directory, environment variables, then the command line's settings.
/// </summary>
public sealed class CommandContext(CommandConsole console)
{
    public CommandConsole Console { get; } = console;

    /// <summary>The <c>--Section:Key=value</c> arguments, set once the command line has been split.</summary>
    public IReadOnlyList<string> Settings { get; internal set; } = [];

    /// <summary>The bot's own builder: the same configuration sources, in the same order, as the running bot.</summary>
    public WebApplicationBuilder CreateBuilder() => WebApplication.CreateBuilder([.. Settings]);

    /// <summary>
    /// The bot's services, composed from its validated settings exactly as the bot composes them, without a web host:
    /// nothing is started (no scheduler, endpoints or chat connections). Throws <see cref="Configuration.ConfigurationException"/>
    /// for invalid settings.
    /// </summary>
    public ServiceProvider CreateServices()
    {
        var builder = CreateBuilder();
        builder.AddCsBot();
        // Commands print their own results; the services' routine logging would drown them.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A provider rather than builder.Build(): building a host is what test hosts listen for, and no host is needed.
        return builder.Services.BuildServiceProvider();
    }
}
