using System.CommandLine;
using System.CommandLine.Invocation;

namespace CsBot.Host.Cli;

/// <summary>
/// <c>--help</c> of every command: the usual help, then how settings are given and the one table of exit codes, so
/// neither has to be looked up in the README.
/// </summary>
internal sealed class HelpWithSettingsAndExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Settings:");
        output.WriteLine("  Any setting of appsettings.json can be given as --Section:Key=value or --Section:Key value, anywhere on the");
        output.WriteLine("  line (e.g. --Storage:DatabasePath=data/csbot.db). They override appsettings.json and environment variables");
        output.WriteLine("  (Storage__DatabasePath=...), for the bot and every command alike.");
        output.WriteLine();
        output.WriteLine("Exit codes:");
        foreach (var (exitCode, meaning) in ExitCodes.Table)
        {
            var lines = Wrap(meaning, 100);
            output.WriteLine($"  {exitCode}  {lines[0]}");
            foreach (var line in lines.Skip(1)) output.WriteLine("     " + line);
        }
        output.WriteLine();
        return code;
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' '))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width) lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        return lines;
    }
}
