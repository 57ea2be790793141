using CsBot.Host;
using CsBot.Host.Configuration;
using CsBot.Slack.Api;

try
{
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
catch (SlackConfigurationException ex)
{
    Console.Error.WriteLine("CsBot cannot start: " + ex.Message);
    return 2;
}

public partial class Program;
