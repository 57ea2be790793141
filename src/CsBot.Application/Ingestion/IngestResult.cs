using CsBot.Core.Signals;

namespace CsBot.Application.Ingestion;

/// <summary>
/// What one batch did. When <see cref="Errors"/> is not empty and the batch was not asked to skip invalid records,
/// nothing was written and the counts are zero. <see cref="ChangedAccountIds"/> are the internal ids of the accounts
/// whose data changed, which are the ones to rescore.
/// </summary>
public sealed record IngestResult(int Inserted, int Updated, int Unchanged, IReadOnlyList<RecordError> Errors, IReadOnlyList<string> ChangedAccountIds)
{
    /// <summary>Accepted records worth a look (see <see cref="AccountFacts"/>); they do not stop the batch.</summary>
    public IReadOnlyList<RecordWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The accounts with their signals exactly as the batch saved them (a store reads back what it saved), so the
    /// rescoring that follows scores them without reading them again.
    /// </summary>
    internal IReadOnlyList<AccountSignals> Saved { get; init; } = [];

    public bool Rejected => Errors.Count > 0 && Inserted + Updated + Unchanged == 0;
    public static IngestResult Invalid(IReadOnlyList<RecordError> errors) => new(0, 0, 0, errors, []);
}
