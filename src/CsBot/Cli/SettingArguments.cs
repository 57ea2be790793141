namespace CsBot.Host.Cli;

/// <summary>
/// Separates settings from the command line before it is parsed: <c>--Section:Key=value</c> and
/// <c>--Section:Key value</c> override appsettings.json and the environment, for the bot and every command alike, and
/// may stand anywhere. The rest (commands, their arguments and options) goes to the parser, which rejects what it does
/// not know.
/// </summary>
public static class SettingArguments
{
    /// <param name="optionNames">The options of the commands (<c>--out</c>, <c>-o</c>...): <c>--out=x.zip</c> is an option, not a setting.</param>
    public static (string[] Settings, string[] CommandLine) Split(IReadOnlyList<string> args, IReadOnlySet<string> optionNames)
    {
        var settings = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                rest.Add(arg);
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (optionNames.Contains(name))
            {
                rest.Add(arg);
            }
            else if (equals > 0)
            {
                // --Key=value, including the lower-case host keys (--environment=..., --contentRoot=...).
                settings.Add(arg);
            }
            else if (LooksLikeSettingKey(name[2..]) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(arg);
                settings.Add(args[++i]);
            }
            else
            {
                rest.Add(arg);
            }
        }
        return ([.. settings], [.. rest]);
    }

    /// <summary>
    /// A setting key given with its value in the next argument: a section path (<c>Teams:PublicHost</c>) or a
    /// top-level key, which CsBot's settings spell with a capital (<c>Urls</c>), unlike command options.
    /// </summary>
    private static bool LooksLikeSettingKey(string key) => key.Contains(':', StringComparison.Ordinal) || (key.Length > 0 && char.IsUpper(key[0]));
}
