using CsBot.Core.Signals;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// Everything an evaluation reads of one account, collection "account_data", keyed by the account id: the account
/// record (<see cref="PackedAccount"/>), its usage series (<see cref="UsageDayPacking.PackCompact"/>) and its other
/// signals (<see cref="PackedSignals"/>), each packed into a binary field, and the account's external id as a string
/// (indexed: an ingestion batch finds its accounts' documents by it).
/// </summary>
/// <remarks>
/// Reading the portfolio was most of an hourly evaluation's time, and most of that was LiteDB reading documents:
/// per document an index seek, its pages, and a string per field name and value. One document of a few binary fields
/// per account costs one seek and almost no fields, where the account, usage and signals documents cost three seeks
/// and some thirty fields. It is handled as a raw <see cref="BsonDocument"/>, not through the mapper, for the same
/// reason. Usage or signals absent (none stored) are left out of the document. It is padded to a multiple of
/// <see cref="GrowthRoom.Step"/> bytes, so a day's usage is written where the document lies.
/// Format 1 held usage in the fixed 24-bytes-a-day layout (<see cref="UsageDayPacking.Pack"/>); it is still read, and a
/// document is written in the current format whenever its account is saved. Format 2 holds it compact, about a third
/// of the size, so an account with 180 days of usage and its signals fits one page instead of two.
/// </remarks>
internal static class AccountDataDocument
{
    public const int CurrentFormat = 2;
    /// <summary>The earlier format: usage in the fixed layout; otherwise as the current one.</summary>
    public const int FixedUsageFormat = 1;
    private const string Format = "Format";
    public const string AccountField = "Account";
    private const string Account = AccountField;
    private const string Usage = "Usage";
    private const string Signals = "Signals";
    /// <summary>The account's external id, beside the packed account so an index can find the document by it.</summary>
    public const string ExternalIdField = "ExternalId";

    public static BsonDocument From(AccountSignals signals) => WithUsage(WithoutUsage(signals), signals.Usage);

    /// <summary>
    /// The document but its usage, to compare with a stored one before packing the usage (a save that changes only
    /// usage writes the days alone, <see cref="UsageJournal"/>); <see cref="WithUsage"/> completes it.
    /// </summary>
    public static BsonDocument WithoutUsage(AccountSignals signals)
    {
        var document = new BsonDocument
        {
            ["_id"] = signals.Account.Id,
            [Format] = CurrentFormat,
            [Account] = PackedAccount.Pack(signals.Account),
        };
        if (signals.Account.ExternalId is { } externalId) document[ExternalIdField] = externalId;
        if (SignalsDocument.HasAny(signals)) document[Signals] = PackedSignals.Pack(signals);
        return document;
    }

    /// <summary>A document of <see cref="WithoutUsage"/> with <paramref name="usage"/> and padded, as it is written.</summary>
    public static BsonDocument WithUsage(BsonDocument document, UsageDay[] usage)
    {
        if (usage.Length > 0) document[Usage] = UsageDayPacking.PackCompact(usage);
        // A usage day at a time, the document grows on pages its neighbours fill (GrowthRoom).
        return GrowthRoom.Padded(document);
    }

    public static AccountSignals ToSignals(BsonDocument document) => ToSignals(document, journaled: null);

    /// <summary>The account's signals with <paramref name="journaled"/>, its entry in the usage journal (if any), applied (<see cref="UsageJournal"/>).</summary>
    public static AccountSignals ToSignals(BsonDocument document, UsageDay[]? journaled)
    {
        var id = document["_id"].AsString;
        if (!document.TryGetValue(Format, out var format) || !format.IsInt32 || format.AsInt32 is not (CurrentFormat or FixedUsageFormat))
            throw new InvalidDataException($"The data of account '{id}' is stored in unknown format {format}.");
        var signals = new AccountSignals
        {
            Account = PackedAccount.Unpack(document[Account].AsBinary, id),
            Usage = journaled is { Length: > 0 } ? UsageWith(document, format.AsInt32, journaled) : UsageOf(document, format.AsInt32),
        };
        return document.TryGetValue(Signals, out var packed) && packed.IsBinary ? PackedSignals.Unpack(packed.AsBinary, id, signals) : signals;
    }

    /// <summary>The usage series a document of the current format holds.</summary>
    public static UsageDay[] UsageOf(BsonDocument document) => UsageOf(document, CurrentFormat);

    /// <summary>
    /// The stored usage with the journal's days applied. Mostly they follow the stored days (a feed's new days), and are
    /// then unpacked into the same array as those: a full evaluation reads up to 100k accounts with entries, and a second
    /// array each was a fifth of its time, most of it collecting them.
    /// </summary>
    private static UsageDay[] UsageWith(BsonDocument document, int format, UsageDay[] journaled)
    {
        if (format != CurrentFormat || !document.TryGetValue(Usage, out var packed) || !packed.IsBinary)
            return UsageJournal.Apply(UsageOf(document, format), journaled);
        var usage = UsageDayPacking.UnpackCompact(packed.AsBinary, room: journaled.Length);
        var stored = usage.Length - journaled.Length;
        if (stored > 0 && usage[stored - 1].Date >= journaled[0].Date) return UsageJournal.Apply(usage[..stored], journaled);
        journaled.CopyTo(usage, stored);
        return usage;
    }

    private static UsageDay[] UsageOf(BsonDocument document, int format) =>
        !document.TryGetValue(Usage, out var usage) || !usage.IsBinary ? []
        : format == CurrentFormat ? UsageDayPacking.UnpackCompact(usage.AsBinary)
        : UsageDocument.Unpack(usage.AsBinary);

    /// <summary>Whether <paramref name="field"/> is absent from both documents or the same bytes in both.</summary>
    public static bool SameField(BsonDocument stored, BsonDocument current, string field)
    {
        var had = stored.TryGetValue(field, out var before) && before.IsBinary;
        var has = current.TryGetValue(field, out var now) && now.IsBinary;
        return had == has && (!has || before.AsBinary.AsSpan().SequenceEqual(now.AsBinary));
    }

    /// <summary>
    /// Whether the stored document holds exactly what <paramref name="current"/> does, in the current format and with the
    /// external id beside the account (a document written before it carried one is written again).
    /// </summary>
    public static bool SameContent(BsonDocument stored, BsonDocument current) =>
        SameButUsage(stored, current) && SameField(stored, current, Usage);

    /// <summary>
    /// Whether the stored document, in the current format, holds what <paramref name="current"/> does but perhaps its
    /// usage: the same external id, account and other signals.
    /// </summary>
    public static bool SameButUsage(BsonDocument stored, BsonDocument current) =>
        stored.TryGetValue(Format, out var format) && format.IsInt32 && format.AsInt32 == CurrentFormat &&
        string.Equals(ExternalIdOf(stored), ExternalIdOf(current), StringComparison.Ordinal) &&
        SameField(stored, current, Account) && SameField(stored, current, Signals);

    /// <summary>The external id the document carries beside the account; null when it has none or was written before it carried one.</summary>
    public static string? ExternalIdOf(BsonDocument document) =>
        document.TryGetValue(ExternalIdField, out var externalId) && externalId.IsString ? externalId.AsString : null;
}
