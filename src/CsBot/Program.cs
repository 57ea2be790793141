using CsBot.Host;
using CsBot.Host.Cli;
using CsBot.Host.Configuration;

try
{
    if (CommandLine.TryRun(args) is { } exitCode) return exitCode;
    var builder = WebApplication.CreateBuilder(args);
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
