namespace CsBot.Storage.PostgreSql;

/// <summary>The kinds of stored data other instances cache, as recorded in data_changes.kind.</summary>
public enum DataChangeKind
{
    Portfolio,
    Scores,
    Alerts,
}

/// <summary>One write of another instance: its kind and the accounts it changed.</summary>
public sealed record DataChange(long Seq, DataChangeKind Kind, IReadOnlyList<string> AccountIds);
