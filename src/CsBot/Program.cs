using CsBot.Host.Cli;

// Every command, and the bot itself when none is given: see Cli/CsBotCommandLine.cs, or run with --help.
return CsBotCommandLine.Run(args);

public partial class Program;
