namespace CsBot.Application.Ingestion;

/// <summary>Why one record of a batch was rejected: its 0-based index in the batch, the field (camelCase, dotted for nested ones) and the reason.</summary>
public sealed record RecordError(int Index, string Field, string Reason);
