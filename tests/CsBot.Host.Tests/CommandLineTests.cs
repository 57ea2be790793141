using CsBot.Host.Cli;
using Spectre.Console.Testing;

namespace CsBot.Host.Tests;

/// <summary>The one command-line entry: help for every command, and usage errors with the documented exit code.</summary>
public class CommandLineTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CsBotCommandLine.Run(args, new CommandConsole(output, error, new TestConsole()));
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("CsBot [command] [options]", "--help")]
    [InlineData("CsBot import <kind> <file> [options]", "import", "--help")]
    [InlineData("CsBot export <kind> <file> [options]", "export", "-h")]
    [InlineData("CsBot digest preview [options]", "digest", "preview", "--help")]
    [InlineData("CsBot teams package [options]", "teams", "package", "--help")]
    public void Every_command_has_help_with_its_usage_the_settings_and_the_exit_codes(string usage, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(usage, output);
        Assert.Contains("--Section:Key=value", output);
        Assert.Contains("Exit codes:", output);
        foreach (var (exitCode, _) in ExitCodes.Table) Assert.Contains($"\n  {exitCode}  ", output);
        Assert.Empty(error);
    }

    [Fact]
    public void The_root_help_lists_every_command()
    {
        var output = Run("--help").Output;

        Assert.All(["import", "export", "digest", "teams"], command => Assert.Matches($@"\n  {command}\b", output));
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_on_stderr_and_starts_nothing()
    {
        var (code, output, error) = Run("improt", "accounts", "accounts.csv");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("Unrecognized command or argument 'improt'", error);
        Assert.Contains("CsBot --help", error);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("'--skip-invalidd'", "CsBot import --help", "import", "accounts", "accounts.csv", "--skip-invalidd")]
    [InlineData("'-z'", "CsBot teams package --help", "teams", "package", "-z")]
    [InlineData("--accounts needs a positive whole number", "CsBot export --help", "export", "tickets", "t.csv", "--accounts", "0")]
    [InlineData("'galaxies' not recognized", "CsBot import --help", "import", "galaxies", "g.csv")]
    public void An_unknown_or_wrong_option_or_argument_is_a_usage_error_naming_it(string named, string hint, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(named, error);
        Assert.Contains(hint, error);
        Assert.Empty(output);
    }

    [Fact]
    public void Settings_may_stand_anywhere_and_command_options_are_not_taken_for_settings()
    {
        var (settings, commandLine) = SettingArguments.Split(
            ["import", "--Storage:DatabasePath", "x.db", "accounts", "--environment=Testing", "a.csv", "--out=p.zip", "--skip-invalid", "--Urls", "http://127.0.0.1:1"],
            new HashSet<string> { "--out", "--skip-invalid" });

        Assert.Equal(["--Storage:DatabasePath", "x.db", "--environment=Testing", "--Urls", "http://127.0.0.1:1"], settings);
        Assert.Equal(["import", "accounts", "a.csv", "--out=p.zip", "--skip-invalid"], commandLine);
    }
}
