using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using CsBot.Host.Configuration;
using CsBot.Slack.Api;
using CsBot.Storage.LiteDb;
using CsBot.Storage.PostgreSql;
using CsBot.Teams.Packaging;

namespace CsBot.Host.Cli;

/// <summary>
/// The one command-line entry: without a command it runs the bot; <c>import</c>, <c>export</c>, <c>digest preview</c>,
/// <c>migrate</c> and <c>teams package</c> do their work with the bot's settings and exit. Every command has <c>--help</c>, and all
/// share one table of exit codes (<see cref="ExitCodes"/>). A new command is a <see cref="Command"/> listed here.
/// </summary>
public static class CsBotCommandLine
{
    public static int Run(string[] args) => Run(args, CommandConsole.System);

    public static int Run(string[] args, CommandConsole console)
    {
        var context = new CommandContext(console);
        var root = Create(context);
        (var settings, args) = SettingArguments.Split(args, OptionNames(root));
        context.Settings = settings;

        // "@file" stays a plain argument, as before: no response files.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction) return UsageError(parse, console.Error);
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Output,
                Error = console.Error,
                // Exceptions keep propagating (a crash stays a crash); the host handles Ctrl+C itself.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (ConfigurationException ex)
        {
            console.Error.WriteLine(ex.Message);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (DatabaseFileException ex)
        {
            // Held by another CsBot process, or not a readable database: the message names the file and the fix.
            console.Error.WriteLine(ex.Message);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (DatabaseUnavailableException ex)
        {
            // The PostgreSQL database cannot be reached or prepared: the message names it (not its password) and what to check.
            console.Error.WriteLine(ex.Message);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (SlackConfigurationException ex)
        {
            console.Error.WriteLine("CsBot cannot start: " + ex.Message);
            return ExitCodes.UsageOrConfiguration;
        }
    }

    public static RootCommand Create(CommandContext context)
    {
        var root = new RootCommand(
            "CsBot watches customer accounts, scores their health and tells customer-success managers which accounts are at risk. " +
            "Without a command it runs the bot: web host, scheduler and chat platforms, until stopped.")
        {
            ImportCommand.Create(context),
            ExportCommand.Create(context),
            DigestCommand.Create(context),
            ModelCommand.Create(context),
            MigrateCommand.Create(context),
            TeamsPackageCommand.Create(() => context.CreateBuilder().Configuration),
        };
        // The executable's name, also when the entry runs inside another process (tests, dotnet CsBot.dll).
        root.HelpName = "CsBot";
        root.SetAction(_ => BotRun.Run(context.Settings));
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithSettingsAndExitCodes((SynchronousCommandLineAction)help.Action!);
        return root;
    }

    private static int UsageError(ParseResult parse, TextWriter error)
    {
        foreach (var problem in parse.Errors) error.WriteLine(problem.Message);
        error.WriteLine($"See '{CommandPath(parse)} --help' for usage.");
        return ExitCodes.UsageOrConfiguration;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand root ? root.HelpName ?? root.Name : result.Command.Name);
        return string.Join(' ', names);
    }

    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Command c)
        {
            foreach (var option in c.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
            foreach (var sub in c.Subcommands) Walk(sub);
        }
        Walk(command);
        return names;
    }
}
