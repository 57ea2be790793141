using System.Net.Http.Json;
using System.Text.Json;

namespace CsBot.Host.Tests;

/// <summary>
/// The local chat and playground over HTTP remember each session's last question in the database: follow-ups work
/// after it, per session, and after a restart on the same file.
/// </summary>
public sealed class LocalConversationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-conversation-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread is left for the OS temp cleaner.
        }
    }

    private CsBotHost Host() => new(new Dictionary<string, string?>
    {
        ["Storage:DatabasePath"] = Path.Combine(_folder, "csbot.db"),
        ["Demo:AccountCount"] = "40",
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
    });

    private static async Task<string> Ask(HttpClient client, string text, string session)
    {
        var response = await client.PostAsJsonAsync("/api/local/ask", new { text, session });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task A_question_then_another_account_then_how_come_in_one_playground_session()
    {
        using var host = Host();
        var client = host.CreateClient();

        Assert.StartsWith("Hooli: health", await Ask(client, "how is hooli doing", "s-1"));
        Assert.StartsWith("Initrode: health", await Ask(client, "and initrode?", "s-1"));
        Assert.StartsWith("Why Initrode scores", await Ask(client, "how come?", "s-1"));
        // Another session has nothing to follow.
        Assert.StartsWith("There's nothing earlier in this conversation", await Ask(client, "how come?", "s-2"));
    }

    [Fact]
    public async Task The_show_more_button_pages_the_sessions_last_list()
    {
        using var host = Host();
        var client = host.CreateClient();
        var list = await (await client.PostAsJsonAsync("/api/local/ask", new { text = "renewals in the next 365 days", session = "s-3" })).Content.ReadFromJsonAsync<JsonElement>();
        var more = list.GetProperty("message").GetProperty("actions").EnumerateArray().Single();
        Assert.Equal("ShowMore", more.GetProperty("kind").GetString());

        var pressed = await client.PostAsJsonAsync("/api/local/actions", new { kind = "ShowMore", value = more.GetProperty("value").GetString(), session = "s-3" });

        var reply = await pressed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("show more", reply.GetProperty("question").GetString());
        Assert.Contains(reply.GetProperty("reply").GetProperty("message").GetProperty("context").EnumerateArray(), c => c.GetString()!.StartsWith("rows 11-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_question_survives_a_restart_on_the_same_database_file()
    {
        using (var before = Host())
            Assert.StartsWith("Hooli: health", await Ask(before.CreateClient(), "how is hooli doing", "s-restart"));

        using var after = Host();
        Assert.StartsWith("Why Hooli scores", await Ask(after.CreateClient(), "how come?", "s-restart"));
    }
}
