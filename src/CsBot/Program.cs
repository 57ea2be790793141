using CsBot.Host;
using CsBot.Host.Cli;
using CsBot.Host.Configuration;
using CsBot.Host.Startup;
using CsBot.Slack.Api;

try
{
    if (CommandLine.TryRun(args) is { } exitCode) return exitCode;
    // A command (e.g. "digest preview") does its work and exits without starting the web host.
    if (DigestCommand.Matches(args)) return DigestCommand.Run(args, Console.Out, Console.Error);
    var builder = WebApplication.CreateBuilder(args);
    // Commands run instead of the bot, with its configuration, and exit.
    if (CsBot.Teams.Packaging.TeamsPackageCommand.Matches(args)) return CsBot.Teams.Packaging.TeamsPackageCommand.Run(args, builder.Configuration, Console.Out, Console.Error);
    builder.AddCsBot();
    var app = builder.Build();
    app.MapCsBot();
    app.Run();
    return 0;
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (CsBot.Storage.LiteDb.DatabaseFileException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (SlackConfigurationException ex)
{
    Console.Error.WriteLine("CsBot cannot start: " + ex.Message);
    return 2;
}

public partial class Program;
