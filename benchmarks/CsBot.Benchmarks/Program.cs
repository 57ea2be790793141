using BenchmarkDotNet.Running;
using CsBot.Benchmarks;

// --latency: per-question latency percentiles with a plain stopwatch (the p99 target is per question; BenchmarkDotNet's
//            statistics are per iteration of many calls).
// --scoring: wall time of full rescoring and rule evaluation of 100k accounts.
// --ingestion: 1,000-record account and usage batches on a LiteDB file with 1k and 100k accounts stored, beside the host's read model (--no-read-model: without; --usage-days N: the stored accounts carry N days of usage).
// --evaluation: the hourly risk evaluation on a LiteDB file with the demo portfolio, beside the same on in-memory stores (--usage-day: a day of usage saved for every account first, which on LiteDB goes to the usage journal).
// --read-model: the first list question, digest preview and accounts API after a 1,000-row batch, on a LiteDB file (--db).
// --chat-load: the host (child process, LiteDB file with --accounts demo accounts) and a bare endpoint under 100 concurrent askers over HTTP.
// --bare-endpoint --port N: the bare endpoint --chat-load starts as a child process.
// --memory: the host (child process on a copy of a seeded LiteDB file) through warm-up, start-up evaluation, a digest preview, a usage batch and 100k questions, with its RSS after each.
// --churn-model: churn model training on 10k accounts x 24 monthly snapshots, and scoring 100k accounts.
// --charts: time to draw each chart (target under 100 ms); --out DIR also writes them as PNG.
// --postgresql: the evaluation, ingestion and latency runs, each on PostgreSQL and then on LiteDB.
// anything else goes to BenchmarkDotNet, e.g. --filter '*AskBenchmarks*'.
// --postgresql beside --evaluation, --ingestion or --latency runs that one on PostgreSQL instead of LiteDB.
var rest = args.Where(a => a is not ("--latency" or "--scoring" or "--ingestion" or "--evaluation" or "--read-model" or "--chat-load" or "--memory" or "--churn-model" or "--charts" or "--bare-endpoint")).ToArray();
if (args.Contains("--latency")) return LatencyRun.Run(rest);
if (args.Contains("--scoring")) return ScoringRun.Run(rest);
if (args.Contains("--ingestion")) return IngestionRun.Run(rest);
if (args.Contains("--evaluation")) return EvaluationRun.Run(rest);
if (args.Contains("--read-model")) return ReadModelRun.Run(rest);
if (args.Contains("--bare-endpoint")) return BareEndpoint.Run(rest);
if (args.Contains("--chat-load")) return ChatLoadRun.Run(rest);
if (args.Contains("--memory")) return MemoryRun.Run(rest);
if (args.Contains("--churn-model")) return ChurnModelRun.Run(rest);
if (args.Contains("--charts")) return ChartsRun.Run(rest);
if (args.Contains("--postgresql")) return PostgreSqlRun.Run(rest);
BenchmarkSwitcher.FromAssembly(typeof(AskBenchmarks).Assembly).Run(args);
return 0;
