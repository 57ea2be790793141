using CsBot.Application.Evaluation;

namespace CsBot.Application.Ingestion;

/// <summary>
/// What one batch did: the upsert's counts and errors, and the rescore of the accounts it changed. <see cref="Rescore"/>
/// is null when nothing changed, or when the rescore failed (the data is saved; the next scheduled evaluation scores
/// those accounts anyway).
/// </summary>
public sealed record IngestOutcome(IngestResult Ingested, EvaluationSummary? Rescore);
