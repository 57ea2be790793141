namespace CsBot.Benchmarks;

/// <summary>
/// The PostgreSQL figures beside LiteDB's in one invocation: the hourly evaluation (<see cref="EvaluationRun"/>), the
/// 1,000-row usage batch with its rescoring at a small and a large stored portfolio (<see cref="IngestionRun"/>) and
/// the question latency through AskService with each question's conversation context stored
/// (<see cref="LatencyRun"/>), each first on PostgreSQL and then on LiteDB, with the same options.
/// </summary>
/// <remarks>
/// Each of those runs alone on PostgreSQL with --postgresql beside its own flag (e.g. --evaluation --postgresql),
/// which keeps its peak RSS apart from the other runs'. The server comes from --connection, CSBOT_BENCH_POSTGRES or
/// CSBOT_TEST_POSTGRES (`.ci/with-postgres`), as a role that may create databases: the evaluation seeds
/// csbot_bench_eval_N once and reuses it, ingestion and contexts get an empty database per run.
/// </remarks>
internal static class PostgreSqlRun
{
    public static int Run(string[] args)
    {
        var options = args.Where(a => a != "--postgresql").ToArray();
        var failed = 0;
        foreach (var (name, run) in new (string, Func<string[], int>)[] { ("evaluation", EvaluationRun.Run), ("ingestion", IngestionRun.Run), ("latency", LatencyRun.Run) })
        {
            foreach (var store in new[] { "PostgreSQL", "LiteDB" })
            {
                Console.WriteLine();
                Console.WriteLine($"== {name} on {store}");
                GC.Collect();
                GC.WaitForPendingFinalizers();
                EvaluationRun.ResetPeak();
                failed |= run(store == "PostgreSQL" ? [.. options, "--postgresql"] : options);
            }
        }
        return failed;
    }
}
