using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using CsBot.Core.Messaging;

namespace CsBot.Benchmarks;

/// <summary>Median and P95 next to the mean, and allocations: the target is per-question latency.</summary>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// One question answered by <c>AskService</c> over the demo portfolio scaled to 10,000 accounts, one benchmark per
/// kind of answer. Target: median under 1 ms, p99 under 5 ms per question (see also <c>--latency</c>).
/// </summary>
[Config(typeof(LatencyConfig))]
public class AskBenchmarks
{
    private AskSetup _setup = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = AskSetup.Create();
        _setup.WarmUp(rounds: 3);
    }

    public static IEnumerable<Question> AccountHealthQuestions() => Questions.In(Questions.AccountHealth);
    public static IEnumerable<Question> WhyQuestions() => Questions.In(Questions.Why);
    public static IEnumerable<Question> AtRiskQuestions() => Questions.In(Questions.AtRisk);
    public static IEnumerable<Question> AtRiskForOwnerQuestions() => Questions.In(Questions.AtRiskForOwner);
    public static IEnumerable<Question> RenewalQuestions() => Questions.In(Questions.Renewals);
    public static IEnumerable<Question> MetricQuestions() => Questions.In(Questions.Metric);
    public static IEnumerable<Question> TopMoverQuestions() => Questions.In(Questions.TopMovers);
    public static IEnumerable<Question> OverdueInvoiceQuestions() => Questions.In(Questions.OverdueInvoices);
    public static IEnumerable<Question> DidYouMeanQuestions() => Questions.In(Questions.DidYouMean);
    public static IEnumerable<Question> UnknownQuestions() => Questions.In(Questions.Unknown);
    public static IEnumerable<Question> AsTypedQuestions() => Questions.In(Questions.AsTyped);

    [Benchmark, ArgumentsSource(nameof(AccountHealthQuestions))]
    public ChatMessage AccountHealth(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(WhyQuestions))]
    public ChatMessage Why(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(AtRiskQuestions))]
    public ChatMessage AtRiskList(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(AtRiskForOwnerQuestions))]
    public ChatMessage AtRiskForOwner(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(RenewalQuestions))]
    public ChatMessage Renewals(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(MetricQuestions))]
    public ChatMessage Metric(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(TopMoverQuestions))]
    public ChatMessage TopMovers(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(OverdueInvoiceQuestions))]
    public ChatMessage OverdueInvoices(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(DidYouMeanQuestions))]
    public ChatMessage DidYouMean(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(UnknownQuestions))]
    public ChatMessage Unknown(Question q) => Answer(q);

    [Benchmark, ArgumentsSource(nameof(AsTypedQuestions))]
    public ChatMessage AsTyped(Question q) => Answer(q);

    private ChatMessage Answer(Question q) => _setup.Ask.Ask(q.Text, _setup.Asker);
}

/// <summary>
/// Full rescoring and rule evaluation of 100,000 demo accounts (180 days of usage each) in parallel, then alert
/// reconciliation. Target: under 5 s on 2 cores (see also <c>--scoring</c>).
/// </summary>
[Config(typeof(LatencyConfig))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ScoringBenchmarks
{
    private PortfolioRescoring _portfolio = null!;

    [GlobalSetup]
    public void Setup() => _portfolio = PortfolioRescoring.Create();

    [Benchmark]
    public RescoringResult RescoreAll() => _portfolio.Run();
}
