using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Asking;
using CsBot.Application.Tests.Delivery;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Application.Observability;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// After the start-up warm-up, the day's list board and the digest's key metrics are worked out once in the background,
/// so the first askers find them done: the answers are the ones a read model that worked nothing out ahead gives.
/// </summary>
public sealed class FirstAnswersTests
{
    private static readonly string[] Questions = ["which accounts are at risk?", "renewals in the next 60 days", "what was NRR?", "NPS", "logo churn rate"];

    [Fact]
    public void The_first_list_and_metric_questions_after_the_warm_up_build_and_work_out_nothing_and_answer_as_before()
    {
        var data = new AnswerFixture();
        var view = new PortfolioView(data.Stores, data.Stores, data.Stores, new DataVersions());
        var metrics = new MetricsCalculator(new MetricsOptions(), () => AnswerFixture.Today);
        view.Load();

        new FirstAnswers(view, metrics, AnswerFixture.BusinessClock()).WorkOut(CancellationToken.None);

        Assert.Equal(1, view.BoardBuilds);
        // The digest's four metrics, for last month and the month before.
        Assert.Equal(8, view.Portfolio.MetricsWorkedOut);
        var warmed = data.ServiceOn(view, metrics);
        var answers = Questions.Select(q => Shown(warmed.Ask(q, Asker.Local() with { ConversationId = q }))).ToList();
        Assert.Equal(1, view.BoardBuilds);
        Assert.Equal(8, view.Portfolio.MetricsWorkedOut);

        var cold = new AnswerFixture().Service();
        Assert.Equal(Questions.Select(q => Shown(cold.Ask(q, Asker.Local() with { ConversationId = q }))), answers);
    }

    [Fact]
    public async Task The_start_up_work_that_waits_for_the_warm_up_finds_the_first_answers_worked_out()
    {
        var data = new AnswerFixture();
        var view = new PortfolioView(data.Stores, data.Stores, data.Stores, new DataVersions());
        var warmth = new ReadModelWarmth();
        var firstAnswers = new FirstAnswers(view, new MetricsCalculator(new MetricsOptions(), () => AnswerFixture.Today), AnswerFixture.BusinessClock());
        bool? waitersReleasedBeforeDone = null;
        var log = new ListLogger<ReadModelWarmUp> { Logged = m => { if (m.StartsWith("First answers worked out", StringComparison.Ordinal)) waitersReleasedBeforeDone = warmth.IsFinished; } };
        var warmUp = new ReadModelWarmUp(view, warmth, firstAnswers, new MemoryAfterBulkWork(NullLogger<MemoryAfterBulkWork>.Instance), log);

        await warmUp.StartAsync(CancellationToken.None);
        Assert.True(await warmth.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None));

        // The evaluation and the training were still held when the first answers were done, and find them done.
        Assert.False(waitersReleasedBeforeDone);
        Assert.Equal(1, view.BoardBuilds);
        Assert.Equal(8, view.Portfolio.MetricsWorkedOut);
        await warmUp.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Stopping_the_host_stops_the_work_between_items()
    {
        var data = new AnswerFixture();
        var view = new PortfolioView(data.Stores, data.Stores, data.Stores, new DataVersions());
        view.Load();
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new FirstAnswers(view, new MetricsCalculator(new MetricsOptions()), AnswerFixture.BusinessClock()).WorkOut(stopped.Token));
        Assert.Equal(0, view.Portfolio.MetricsWorkedOut);
    }

    private static string Shown(ChatMessage answer) =>
        string.Join("\n", [answer.Title, answer.FallbackText, .. answer.Sections.Select(s => $"{s.Heading}: {s.Text} {string.Join("; ", s.Fields)}")]);
}
