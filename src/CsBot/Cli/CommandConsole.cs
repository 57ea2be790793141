using Spectre.Console;

namespace CsBot.Host.Cli;

/// <summary>
/// Where commands write: plain text and errors, and the rich console that draws tables and progress (stdout too).
/// <see cref="ErrorIsTerminal"/> says whether errors reach a person at a terminal, where progress may redraw one line,
/// or a file or pipe, where it is written as plain lines.
/// </summary>
public sealed record CommandConsole(TextWriter Output, TextWriter Error, IAnsiConsole Rich)
{
    public bool ErrorIsTerminal { get; init; }

    public static CommandConsole System => new(Console.Out, Console.Error, AnsiConsole.Console) { ErrorIsTerminal = !Console.IsErrorRedirected };
}
