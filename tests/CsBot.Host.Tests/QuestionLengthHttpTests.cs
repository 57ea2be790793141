using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CsBot.Host.Tests.Ingestion;

namespace CsBot.Host.Tests;

/// <summary>A question of a megabyte to the local chat is answered at once, politely, with the limit; it is not parsed.</summary>
public sealed class QuestionLengthHttpTests
{
    [Fact]
    public async Task A_megabyte_question_to_the_local_chat_gets_a_polite_reply_naming_the_limit_at_once()
    {
        using var factory = new CsBotHost(new Dictionary<string, string?> { ["Demo:AccountCount"] = "200", ["Demo:HistoryDays"] = "14", ["Reminders:RunAtStartup"] = "false" });
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/local/ask", new { text = "help" }); // warm: the first request starts the host
        // Just under the local chat's 1 MB body limit.
        var question = "health of " + string.Concat(Enumerable.Repeat("Acme Corp ", 100_000));

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/local/ask", new { text = question });
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Json();
        Assert.StartsWith("That question is too long for me", reply.GetProperty("title").GetString());
        Assert.Contains("up to 2,000 characters", reply.GetProperty("message").GetRawText());
        // Answered in milliseconds when nothing else runs; the margin is for a loaded test machine, where this host's
        // warm-up and its collection afterwards (MemoryAfterBulkWork) or other tests' may pause it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
