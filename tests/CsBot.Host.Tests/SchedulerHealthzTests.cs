namespace CsBot.Host.Tests;

/// <summary>/healthz?verbose names the scheduler: running, not clustered (LiteDB), and this instance's id; plain /healthz stays one word.</summary>
public sealed class SchedulerHealthzTests : IDisposable
{
    private readonly CsBotHost _host = new(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
    });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_verbose_report_says_the_scheduler_runs_in_memory_on_this_instance()
    {
        var client = _host.CreateClient();

        var verbose = await Eventually.Until(() => client.GetStringAsync("/healthz?verbose"), body => body.Contains("Scheduler running"), "the scheduler to run",
            body => body);

        Assert.StartsWith("Healthy\n", verbose);
        Assert.Contains("\nscheduler: Healthy: Scheduler running, in memory (one instance), instance NON_CLUSTERED", verbose);
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
    }
}
