using CsBot.Host;
using CsBot.Host.Configuration;

try
{
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

public partial class Program;
