using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>Where commands write: plain text and errors, and the rich console that draws tables and progress (stdout too).</summary>
public sealed record CommandConsole(TextWriter Output, TextWriter Error, IAnsiConsole Rich)
{
    public static CommandConsole System => new(Console.Out, Console.Error, AnsiConsole.Console);
}
