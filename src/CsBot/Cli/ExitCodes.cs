namespace CsBot.Host.Cli;

/// <summary>
/// The exit codes of the bot and of every command, one table for all: shown by <c>--help</c> and in the README.
/// Commands outside the host (<c>teams package</c>) return the same numbers.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrConfiguration = 2;
    public const int PartlyImported = 3;

    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } =
    [
        (Ok, "done"),
        (Failed, "the work could not be done: a file is missing or cannot be written, an import wrote nothing because rows are invalid or the file is not UTF-8 CSV with the expected header, an import to a running CsBot stopped (a batch it rejected, or it cannot be reached), nothing to export, no such segment"),
        (UsageOrConfiguration, "usage or configuration error: unknown command, option or argument, a missing argument, an invalid setting, a data file in use by another CsBot process or unreadable (the message names it and how to fix it), an API key a running CsBot refuses or none given for it"),
        (PartlyImported, "import with --skip-invalid: the valid rows were written, the invalid ones skipped"),
    ];
}
