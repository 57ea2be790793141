using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsBot.Core.Alerts;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// Boots the whole host on its embedded defaults (demo portfolio, LiteDB file, local chat sink, Quartz) and checks
/// what a newcomer would see: the right accounts alerted with their reasons, grouped per CSM, and answers to questions.
/// </summary>
public sealed class DemoEndToEndTests : IClassFixture<DemoEndToEndTests.BootedHost>
{
    private readonly BootedHost _host;

    public DemoEndToEndTests(BootedHost host) => _host = host;

    public sealed class BootedHost : IAsyncLifetime
    {
        // This host runs on the wall clock, so quiet hours (tested with a fake clock elsewhere) would make the
        // outcome depend on when the suite runs.
        public CsBotHost Factory { get; } = new(new Dictionary<string, string?> { ["Alerting:QuietHours:Enabled"] = "false" });
        public HttpClient Client { get; private set; } = null!;
        public JsonElement[] Messages { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Client = Factory.CreateClient();
            // The startup trigger runs the first evaluation in the background; wait until all its messages are out.
            // Alerts and outbox are read before the feed: once every open alert is notified and nothing waits in the
            // outbox, every message of the run is already in the feed read after them.
            var settled = await Eventually.Until(
                async () =>
                {
                    // The demo portfolio always has at-risk accounts: no open alert yet means the evaluation has not run.
                    var open = Factory.Services.GetRequiredService<IAlertStore>().GetOpen();
                    var notified = open.Count > 0 && open.All(a => a.State == AlertState.Notified);
                    var outbox = Factory.Services.GetRequiredService<IOutboxStore>().Counts();
                    var drained = outbox[OutboxState.Pending] == 0 && outbox[OutboxState.Delivering] == 0;
                    return (Ready: notified && drained, Messages: await Client.SentMessagesAsync());
                },
                state => state.Ready && state.Messages.Length > 0,
                "the first risk evaluation's messages to be delivered",
                state => $"{state.Messages.Length} messages, settled: {state.Ready}");
            Messages = settled.Messages;
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void Every_at_risk_demo_account_is_alerted_with_its_expected_rules_and_a_reason_with_numbers()
    {
        var accounts = _host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().ToDictionary(a => a.Name);
        var open = _host.Factory.Services.GetRequiredService<IAlertStore>().GetOpen();

        foreach (var scenario in DemoScenarios.AtRisk)
        {
            var account = accounts[scenario.AccountName];
            var alerts = open.Where(a => a.AccountId == account.Id).ToList();
            foreach (var rule in scenario.ExpectedRuleIds)
            {
                var alert = alerts.SingleOrDefault(a => a.RuleId == rule);
                Assert.True(alert is not null, $"{scenario.AccountName} should have a {rule} alert; it has {string.Join(", ", alerts.Select(a => a.RuleId))}");
                Assert.Matches(new Regex(@"\d"), alert.Reason);
            }
            var unexpected = alerts.Select(a => a.RuleId).Except(scenario.ExpectedRuleIds).Except(scenario.MayAlsoFireRuleIds);
            Assert.Empty(unexpected);
        }
    }

    [Fact]
    public void Healthy_demo_accounts_raise_no_alert()
    {
        var accounts = _host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().ToDictionary(a => a.Name);
        var open = _host.Factory.Services.GetRequiredService<IAlertStore>().GetOpen();

        foreach (var name in DemoScenarios.HealthyAccountNames)
            Assert.DoesNotContain(open, a => a.AccountId == accounts[name].Id);
    }

    [Fact]
    public void Each_csm_receives_one_grouped_message_for_the_run_and_the_usage_cliff_reads_with_numbers()
    {
        // Alert messages only: renewal reminders, sent a few seconds after startup, and the health charts that follow
        // an alert are separate messages.
        var csmMessages = _host.Messages
            .Where(m => m.GetProperty("recipientKey").GetString()!.Contains('@'))
            .Where(m => !Regex.IsMatch(m.GetProperty("title").GetString()!, " renews in |notice deadline in "))
            .Where(m => !(m.GetProperty("message").TryGetProperty("picture", out var picture) && picture.ValueKind == System.Text.Json.JsonValueKind.Object))
            .ToList();
        var recipients = csmMessages.Select(m => m.GetProperty("recipientKey").GetString()).ToList();
        Assert.Equal(recipients.Distinct().Count(), recipients.Count);

        var initech = _host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().Single(a => a.Name == DemoScenarios.Initech);
        var toOwner = csmMessages.Single(m => m.GetProperty("recipientKey").GetString() == initech.Owner.Email);
        var text = toOwner.GetProperty("text").GetString()!;
        Assert.Matches(@"Initech: Usage cliff\s+active users down \d+% \([\d.]+ -> [\d.]+\) vs 28-day baseline", text);
    }

    [Fact]
    public async Task A_renewal_reminder_reaches_the_owner_soon_after_startup_with_arr_and_health()
    {
        // Soylent Foods renews in about 40 days: the 60-day reminder is the most urgent one reached.
        var messages = await Eventually.Until(
            _host.Client.SentMessagesAsync,
            messages => messages.Any(IsSoylentReminder),
            "a renewal reminder for Soylent Foods after startup");

        var reminder = messages.First(IsSoylentReminder);
        var text = reminder.GetProperty("text").GetString()!;
        Assert.Matches(@"ARR at stake: \$[\d.,kM]+", text);
        Assert.Matches(@"Health: \d+ \((Average|Poor)\)", text);
    }

    [Fact]
    public async Task Asking_for_acme_corp_answers_with_score_band_owner_and_reasons()
    {
        var text = await AskForText("health of Acme Corp");

        Assert.Matches(@"^Acme Corp: health \d+ \((Good|Average|Poor)\)\n", text);
        Assert.Contains("Owner: Dana Whitfield", text);
        Assert.Contains("## Top reasons", text);
        Assert.Matches(@"Trend: \S+ \((range \d+-\d+|flat at \d+)\) [+-]?\d+ in 30 days", text);
    }

    [Fact]
    public async Task A_bare_acme_asks_which_account_with_a_button_for_each()
    {
        var answer = await Ask("how is acme doing?");

        Assert.Equal("Which account did you mean?", answer.GetProperty("title").GetString());
        var choices = answer.GetProperty("message").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("label").GetString()).ToList();
        Assert.Equal(["Acme Corp", "Acme Labs"], choices);
    }

    [Fact]
    public async Task Why_lists_the_breakdown_and_the_rules_that_fire()
    {
        var text = await AskForText("why is Initech at risk?");

        Assert.Contains("Usage cliff: active users down", text);
        Assert.Contains("Seat utilisation:", text);
        Assert.DoesNotContain("usage-cliff", text);
        Assert.DoesNotContain("SeatUtilization", text);
    }

    [Fact]
    public async Task An_empty_question_is_a_clear_400_and_an_unknown_account_gets_suggestions()
    {
        var empty = await _host.Client.PostAsJsonAsync("/api/local/ask", new { text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var unknown = await Ask("health of Zzyzx Holdings");
        Assert.StartsWith("I couldn't find an account called", unknown.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Healthz_reports_healthy()
    {
        var response = await _host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("health of Acme Corp", @"^Acme Corp: health \d+")]
    [InlineData("how is Acme doing?", "^Which account did you mean\\?$")]
    [InlineData("acme", "^Which account did you mean\\?$")]
    [InlineData("/cs health acme corp", @"^Acme Corp: health \d+")]
    [InlineData("why is Initech at risk?", "^Why Initech scores \\d+$")]
    [InlineData("at-risk accounts", @"^\d+ accounts at risk$")]
    [InlineData("at risk for Dana", @"^\d+ accounts? at risk for Dana Whitfield$")]
    [InlineData("poor health in Enterprise", @"(Poor health in Enterprise)$")]
    [InlineData("my accounts", @"^Your accounts: \d+ accounts$")]
    [InlineData("top movers this week", @"^(Top movers|No health changes) this week$")]
    [InlineData("accounts with overdue invoices", @"^\d+ overdue invoices, \$[\d.,kM]+ outstanding$")]
    [InlineData("renewals in the next 60 days", @"^\d+ renewals .*: \$[\d.,kM]+ ARR$")]
    [InlineData("renewals this quarter", @"^(\d+ renewals?|No renewals) ")]
    [InlineData("what renews in March?", @"^(\d+ renewals?|No renewals) ")]
    [InlineData("NRR last quarter", @"^NRR last quarter: \d+\.\d%$")]
    [InlineData("what was churn in October?", @"^Logo churn in October \d{4}: \d+\.\d%$")]
    [InlineData("NPS this year", @"^NPS \d{4} so far \(to \d{4}-\d\d-\d\d\): -?\d+(\.\d+)?$")]
    [InlineData("GRR for Enterprise in 2026", @"^GRR for Enterprise (in 2026|2026 so far \(to \d{4}-\d\d-\d\d\)): \d+\.\d%$")]
    [InlineData("quick ratio last month", @"^Quick ratio last month: ")]
    [InlineData("renewal rate Q3", @"^Renewal rate Q3 \d{4}: ")]
    [InlineData("CSAT last 90 days", @"^CSAT last 90 days: \d\.\d+$")]
    [InlineData("CLV", @"^CLV last month: ")]
    [InlineData("help", "^Ask me about your accounts$")]
    [InlineData("who owns Initech?", "^Initech is owned by [A-Z]")]
    [InlineData("when is Hooli up for renewal", @"^Hooli (renews on \d{4}-\d\d-\d\d|has no renewal date)")]
    [InlineData("is Hooli trending up?", @"^(Hooli is (trending (up|down)|holding steady): health \d+ → \d+|Not enough score history for Hooli)")]
    [InlineData("open a ticket for Acme Corp", "^Sorry, I can't create tickets")]
    public async Task Every_documented_question_is_answered_on_the_demo_portfolio(string question, string expectedTitle)
    {
        var answer = await Ask(question, "dana.whitfield@csbot.example");

        Assert.Matches(expectedTitle, answer.GetProperty("title").GetString());
    }

    private static bool IsSoylentReminder(JsonElement message) =>
        message.GetProperty("title").GetString()!.StartsWith("Soylent Foods renews in", StringComparison.Ordinal);

    /// <summary>The answer as a person reads it in a terminal (<c>Accept: text/plain</c>).</summary>
    private async Task<string> AskForText(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local/ask") { Content = JsonContent.Create(new { text }) };
        request.Headers.Accept.ParseAdd("text/plain");
        var response = await _host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> Ask(string text, string? email = null)
    {
        var response = await _host.Client.PostAsJsonAsync("/api/local/ask", new { text, email });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
