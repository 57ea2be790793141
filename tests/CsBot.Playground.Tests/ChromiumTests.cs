namespace CsBot.Playground.Tests;

/// <summary>When the browser tests run, skip or fail: what `dotnet test` shows on a machine without chromium.</summary>
public sealed class ChromiumTests
{
    [Fact]
    public void Without_chromium_outside_ci_the_browser_tests_are_skipped_with_the_install_line()
    {
        var reason = Chromium.SkipReason(installed: false, ci: null);

        Assert.NotNull(reason);
        Assert.Contains("apt-get install -y chromium", reason);
        Assert.Contains(Chromium.Path, reason);
        Assert.NotNull(Chromium.SkipReason(installed: false, ci: "false"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void Without_chromium_in_ci_the_browser_tests_run_and_fail_naming_the_install_line(string ci)
    {
        Assert.Null(Chromium.SkipReason(installed: false, ci: ci));

        var error = Assert.Throws<InvalidOperationException>(() => Chromium.EnsureInstalled(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-chromium-" + Guid.NewGuid().ToString("N"))));
        Assert.Contains("apt-get install -y chromium", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void With_chromium_the_browser_tests_run(string? ci) => Assert.Null(Chromium.SkipReason(installed: true, ci: ci));
}
