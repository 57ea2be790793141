using CsBot.Core.Signals;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// Everything an evaluation reads of one account, collection "account_data", keyed by the account id: the account
/// record (<see cref="PackedAccount"/>), its usage series (<see cref="UsageDocument.Pack"/>) and its other signals
/// (<see cref="PackedSignals"/>), each packed into a binary field.
/// </summary>
/// <remarks>
/// Reading the portfolio was most of an hourly evaluation's time, and most of that was LiteDB reading documents:
/// per document an index seek, its pages, and a string per field name and value. One document of a few binary fields
/// per account costs one seek and almost no fields, where the account, usage and signals documents cost three seeks
/// and some thirty fields. It is handled as a raw <see cref="BsonDocument"/>, not through the mapper, for the same
/// reason. Usage or signals absent (none stored) are left out of the document.
/// </remarks>
internal static class AccountDataDocument
{
    public const int CurrentFormat = 1;
    private const string Format = "Format";
    private const string Account = "Account";
    private const string Usage = "Usage";
    private const string Signals = "Signals";

    public static BsonDocument From(AccountSignals signals)
    {
        var document = new BsonDocument
        {
            ["_id"] = signals.Account.Id,
            [Format] = CurrentFormat,
            [Account] = PackedAccount.Pack(signals.Account),
        };
        if (signals.Usage is { Length: > 0 } usage) document[Usage] = UsageDocument.Pack(usage);
        if (SignalsDocument.HasAny(signals)) document[Signals] = PackedSignals.Pack(signals);
        return document;
    }

    public static AccountSignals ToSignals(BsonDocument document)
    {
        var id = document["_id"].AsString;
        if (!document.TryGetValue(Format, out var format) || !format.IsInt32 || format.AsInt32 != CurrentFormat)
            throw new InvalidDataException($"The data of account '{id}' is stored in unknown format {format}.");
        var signals = new AccountSignals
        {
            Account = PackedAccount.Unpack(document[Account].AsBinary, id),
            Usage = document.TryGetValue(Usage, out var usage) && usage.IsBinary ? UsageDocument.Unpack(usage.AsBinary) : [],
        };
        return document.TryGetValue(Signals, out var packed) && packed.IsBinary ? PackedSignals.Unpack(packed.AsBinary, id, signals) : signals;
    }
}
