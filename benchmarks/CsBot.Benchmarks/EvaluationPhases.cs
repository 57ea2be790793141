using System.Diagnostics;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Application.Evaluation;

namespace CsBot.Benchmarks;

/// <summary>
/// Where an evaluation's time goes on a store: each store call the evaluation makes, timed on its own and one after the
/// other (no read-ahead, no parallel scoring), so the parts can be compared. Wall and process CPU time per part.
/// </summary>
internal static class EvaluationPhases
{
    public static void Print(string name, IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, PortfolioScoring scoring, DateOnly today)
    {
        var read = new Part("read accounts and signals");
        var histories = new Part("read score histories");
        var score = new Part("score and evaluate rules");
        var save = new Part("save scores (unchanged)");
        var open = new Part("read open alerts");

        var batch = new List<AccountSignals>(1_000);
        using var source = portfolio.LoadAllSignals().GetEnumerator();
        while (true)
        {
            batch.Clear();
            read.Time(() => { while (batch.Count < 1_000 && source.MoveNext()) batch.Add(source.Current); });
            if (batch.Count == 0) break;
            IReadOnlyDictionary<string, ScorePoint[]> found = null!;
            histories.Time(() => found = scores.GetHistories([.. batch.Select(a => a.Account.Id)]));
            var results = new List<HealthScore>(batch.Count);
            score.Time(() =>
            {
                foreach (var signals in batch)
                    if (signals.Account.IsActiveOn(today)) results.Add(scoring.Evaluate(signals, found.GetValueOrDefault(signals.Account.Id) ?? [], today).Score);
            });
            save.Time(() => scores.SaveScores(results));
        }
        open.Time(() => alerts.GetOpen());
        Console.WriteLine($"  {name} phases, sequential:");
        foreach (var part in new[] { read, histories, score, save, open }) Console.WriteLine("    " + part);
    }

    private sealed class Part(string name)
    {
        private TimeSpan _wall;
        private TimeSpan _cpu;
        private long _allocated;

        public void Time(Action action)
        {
            var cpu = Cpu();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            _wall += watch.Elapsed;
            _cpu += Cpu() - cpu;
            _allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }

        private static TimeSpan Cpu()
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }

        public override string ToString() => $"{name,-28} {_wall.TotalSeconds,7:0.000} s wall {_cpu.TotalSeconds,7:0.000} s CPU {_allocated / 1048576.0,7:N0} MB allocated on its thread";
    }
}
