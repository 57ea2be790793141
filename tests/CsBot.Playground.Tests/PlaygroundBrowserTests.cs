using System.Diagnostics;
using System.Text.RegularExpressions;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CsBot.Playground.Tests;

/// <summary>
/// The playground in a real browser, used as a person would: type a question and press Enter, pick a "did you mean"
/// choice, press Why, and acknowledge an alert from the feed of what the bot sent. Every wait is on what the page
/// shows, never a fixed sleep.
/// </summary>
public sealed class PlaygroundBrowserTests(PlaygroundHost host, ITestOutputHelper output) : IClassFixture<PlaygroundHost>, IAsyncLifetime
{
    private const float Patience = 30_000;
    private readonly List<string> _pageErrors = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Assert.True(_pageErrors.Count == 0, "The page reported errors:\n" + string.Join("\n", _pageErrors));
        return Task.CompletedTask;
    }

    [BrowserFact]
    public async Task Asking_picking_a_choice_and_acknowledging_an_alert_from_the_feed_all_work_in_the_page()
    {
        var clock = Stopwatch.StartNew();
        var portfolio = host.Factory.Services.GetRequiredService<IPortfolioStore>();
        var acme = portfolio.GetAccounts().Single(a => a.Name == DemoScenarios.AcmeCorp);
        var initech = portfolio.GetAccounts().Single(a => a.Name == DemoScenarios.Initech);

        var page = await NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await Expect(page).ToHaveTitleAsync("CsBot playground");
        await page.GetByLabel("Your name").FillAsync("Pat Tester");

        // 1. An ambiguous name: the answer offers a choice per account.
        var question = page.GetByLabel("Ask CsBot");
        await question.FillAsync("health of Acme");
        await question.PressAsync("Enter");
        var chat = page.Locator("#chat-log");
        await Expect(chat.Locator(".you").Last).ToHaveTextAsync("health of Acme");
        var choice = chat.Locator("article").Last;
        await Expect(choice.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Which account did you mean?");
        await Expect(choice.GetByRole(AriaRole.Button, new() { Name = "Acme Labs" })).ToBeVisibleAsync();
        // The box is cleared and keeps focus for the next question.
        await Expect(question).ToHaveValueAsync("");
        await Expect(question).ToBeFocusedAsync();

        // 2. Picking Acme Corp asks the choice's question and shows the health card with score and owner.
        await choice.GetByRole(AriaRole.Button, new() { Name = "Acme Corp" }).ClickAsync();
        await Expect(chat.Locator(".you").Last).ToHaveTextAsync("health of Acme Corp");
        var health = chat.Locator("article").Last;
        var score = host.Factory.Services.GetRequiredService<IScoreStore>().GetLatest(acme.Id)!;
        await Expect(health.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Acme Corp: health {score.Score} ({score.Band})");
        await Expect(health.Locator("dt", new() { HasTextString = "Owner" }).Locator("+ dd")).ToHaveTextAsync(acme.Owner.Name);
        await Expect(health.Locator("dt", new() { HasTextString = "Health" }).Locator("+ dd")).ToHaveTextAsync($"{score.Score} ({score.Band})");
        output.WriteLine($"health card after {clock.ElapsedMilliseconds} ms");

        // 3. Why? on that card asks about the account by name.
        await health.GetByRole(AriaRole.Button, new() { Name = "Why?" }).ClickAsync();
        await Expect(chat.Locator(".you").Last).ToHaveTextAsync("why is Acme Corp at risk");
        await Expect(chat.Locator("article").Last.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Why Acme Corp scores {score.Score}");

        // 4. The feed shows the alert the bot sent to Initech's owner; acknowledge it there.
        var sent = page.Locator("#feed-list > li")
            .Filter(new() { Has = page.Locator(".feed-meta strong", new() { HasTextString = initech.Owner.Name }) })
            .Filter(new() { Has = page.Locator("h4", new() { HasTextString = "Initech: Usage cliff" }) })
            .First;
        await Expect(sent).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(sent.Locator(".feed-meta")).ToContainTextAsync($"to {initech.Owner.Name} (direct message)");
        var alertSection = sent.Locator("section", new() { Has = page.Locator("h4", new() { HasTextString = "Initech: Usage cliff" }) });
        await alertSection.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        // The reply shows under the card, the card is redrawn with the acknowledged line and without its buttons.
        await Expect(sent.Locator(".reply")).ToContainTextAsync("Acknowledged: Initech (Usage cliff)");
        await Expect(sent.Locator(".reply")).ToBeFocusedAsync();
        await Expect(alertSection.Locator(".text")).ToContainTextAsync(new Regex(@"Acknowledged by Pat Tester at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(local\)"));
        await Expect(alertSection.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(AlertState.Acknowledged, host.Factory.Services.GetRequiredService<IAlertStore>().Get($"{initech.Id}:usage-cliff")!.State);

        // A fresh page (new poll of the feed) shows the same message marked: it was updated on the server, not just drawn.
        var again = await NewPageAsync();
        await again.GotoAsync(host.BaseUrl);
        var stored = again.Locator("#feed-list > li")
            .Filter(new() { Has = again.Locator(".feed-meta strong", new() { HasTextString = initech.Owner.Name }) })
            .Filter(new() { Has = again.Locator("h4", new() { HasTextString = "Initech: Usage cliff" }) })
            .First;
        await Expect(stored.Locator("section", new() { Has = again.Locator("h4", new() { HasTextString = "Initech: Usage cliff" }) }).Locator(".text"))
            .ToContainTextAsync("Acknowledged by Pat Tester", new() { Timeout = Patience });
        output.WriteLine($"whole walk-through in {clock.ElapsedMilliseconds} ms");
    }

    [BrowserFact]
    public async Task A_recovered_alert_redraws_its_message_in_the_feed_and_the_recovered_note_shows_in_its_thread()
    {
        var services = host.Factory.Services;
        var portfolio = services.GetRequiredService<IPortfolioStore>();
        var accounts = portfolio.GetAccounts().ToDictionary(a => a.Id);
        var initech = accounts.Values.Single(a => a.Name == DemoScenarios.Initech);
        var alerts = services.GetRequiredService<IAlertStore>();
        // Any alert the start-up evaluation announced by direct message, other than the one the walk-through acknowledges.
        var outbox = services.GetRequiredService<IOutboxStore>();
        bool ShownInDirectMessage(Alert a) => a.Announcements.Any(x => x.Recipient.Kind == Core.Messaging.RecipientKind.User
            && outbox.FindByIdempotencyKey(x.MessageKey) is { State: Core.Outbox.OutboxState.Delivered } sent
            && sent.Message.Message.Sections.Any(s => s.Actions.Any(b => b.Kind == Core.Messaging.ActionKind.Acknowledge && b.Value == a.Id)));
        var alert = await Eventually.Until(() => Task.FromResult(alerts.GetOpen().FirstOrDefault(a => a.AccountId != initech.Id && ShownInDirectMessage(a))),
            a => a is not null, "an alert shown in a delivered direct message");
        var account = accounts[alert!.AccountId];
        var heading = $"{account.Name}: {Core.Rules.RuleNames.Words(alert.RuleId)}";

        // The condition clears, as the next evaluation would find.
        var now = DateTimeOffset.UtcNow;
        var resolved = alert with { State = AlertState.Resolved, ResolvedAt = now, LastEvaluatedAt = now, History = [.. alert.History, new AlertEvent(now, "resolved: condition no longer met")] };
        alerts.Upsert([resolved]);
        await services.GetRequiredService<Application.Notifications.AlertNotifier>()
            .NotifyAsync(new AlertChanges([], [], [resolved]), accounts, _ => null, default);

        var page = await NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        var message = page.Locator("#feed-list > li")
            .Filter(new() { Has = page.Locator(":scope > .feed-meta", new() { HasTextString = $"to {account.Owner.Name} (direct message)" }) })
            .Filter(new() { Has = page.Locator(":scope > article h4", new() { HasTextString = heading }) })
            .First;
        await Expect(message.Locator(":scope > .feed-meta .edited")).ToHaveTextAsync("updated", new() { Timeout = Patience });
        var section = message.Locator(":scope > article section", new() { Has = page.Locator("h4", new() { HasTextString = heading }) });
        await Expect(section.Locator(".text")).ToContainTextAsync(new Regex(@"Recovered at \d{4}-\d\d-\d\d \d\d:\d\d UTC: the condition no longer holds\."));
        await Expect(section.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var reply = message.Locator(":scope > ol.thread > li");
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply.Locator(".feed-meta")).ToContainTextAsync("reply in thread");
        await Expect(reply.Locator("article h3")).ToContainTextAsync("Recovered");
    }

    [BrowserFact]
    public async Task Text_that_looks_like_markup_is_shown_as_text_and_never_run()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        const string typed = "health of <img src=x onerror=\"document.title='pwned'\"><b>Acme</b>";
        await page.GetByLabel("Ask CsBot").FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var chat = page.Locator("#chat-log");
        await Expect(chat.Locator(".you").Last).ToHaveTextAsync(typed);
        // The answer quotes what was typed back; it too must arrive as text.
        await Expect(chat.Locator("article").Last).ToBeVisibleAsync();
        await Expect(chat.Locator("img:not(.chart), b")).ToHaveCountAsync(0);
        await Expect(page).ToHaveTitleAsync("CsBot playground");
    }

    [BrowserFact]
    public async Task An_answer_shows_its_text_and_then_the_health_chart_below_it()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await page.GetByLabel("Ask CsBot").FillAsync("health of Initech");
        await page.GetByLabel("Ask CsBot").PressAsync("Enter");

        var answer = page.Locator("#chat-log article").Last;
        await Expect(answer.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Initech: health");
        var chart = answer.Locator("img.chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAttributeAsync("alt", new Regex("^Initech: health, last 90 days: health \\d+ on "));
        // The browser decoded the PNG: a broken image has no natural width.
        Assert.Equal(800, await chart.EvaluateAsync<int>("img => img.naturalWidth"));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        // A script error in the page is what a user would see as a dead button: collected and checked at the end.
        page.PageError += (_, error) => _pageErrors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") _pageErrors.Add(message.Text); };
        return page;
    }
}
