using System.Text;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// Room for a document to grow where it lies: its length rounded up to a multiple of <see cref="Step"/> bytes with a
/// padding field, and a write that moves it whole when it outgrows that length (<see cref="Write"/>).
/// </summary>
/// <remarks>
/// LiteDB rewrites a document in place while it fits the blocks it has plus the free bytes of their page; a document
/// that grows beyond them is continued in a block on another page, and every later read and write of it touches both
/// pages. An account's data grows a usage day (about 8 bytes) at a time, on pages filled by its neighbours, so over a
/// few weeks of daily usage most accounts came to span two or more pages: a 1,000-account usage batch among 100k wrote
/// 1,906 pages of account data instead of about 1,000, and every page LiteDB writes goes to its log, then again into
/// the data file at the next checkpoint. Score histories grow the same way, a point (8 bytes) a day. Padded, a day's
/// growth stays within the document's length (about one day in thirty crosses a step), and the write that crosses one
/// deletes the document and inserts it again, which LiteDB places whole on a page with room for it (at the cost of
/// updating the document's index entries, once a step). Documents written before they were padded are moved so on
/// their first write that grows them.
/// </remarks>
internal static class GrowthRoom
{
    /// <summary>Documents are padded to a multiple of this many bytes: about a month of daily usage.</summary>
    public const int Step = 256;

    public const string PadField = "Pad";

    /// <summary>What a binary field named <see cref="PadField"/> adds besides its bytes: type, name and its end, length, subtype.</summary>
    private static readonly int PadOverhead = 1 + Encoding.UTF8.GetByteCount(PadField) + 1 + 5;

    /// <summary>
    /// Sets <paramref name="document"/>'s padding field so that its BSON length is the smallest multiple of
    /// <see cref="Step"/> that holds it and the field; returns the document.
    /// </summary>
    public static BsonDocument Padded(BsonDocument document)
    {
        document.Remove(PadField);
        var unpadded = Length(document) + PadOverhead;
        var padded = (unpadded + Step - 1) / Step * Step;
        document[PadField] = new byte[padded - unpadded];
        return document;
    }

    /// <summary>
    /// Writes <paramref name="document"/> over <paramref name="stored"/> (null when none is stored): in place when it is
    /// no longer than what is stored, otherwise deleted and inserted again so LiteDB places it whole on a page with room.
    /// Call inside a transaction, so that readers never find the document missing.
    /// </summary>
    public static void Write(ILiteCollection<BsonDocument> collection, BsonDocument? stored, BsonDocument document)
    {
        if (stored is null) collection.Upsert(document);
        else if (Length(document) <= Length(stored))
        {
            // Stored was read before the caller's transaction; should the document have gone since, it is written anew.
            if (!collection.Update(document)) collection.Insert(document);
        }
        else
        {
            collection.Delete(document["_id"]);
            collection.Insert(document);
        }
    }

    /// <summary>The length LiteDB stores <paramref name="document"/> in, as its BSON serialisation counts it.</summary>
    public static int Length(BsonDocument document)
    {
        // The length prefix and the closing zero.
        var length = 5;
        foreach (var (name, value) in document) length += ElementLength(name, value);
        return length;
    }

    private static int ElementLength(string name, BsonValue value) =>
        1 + Encoding.UTF8.GetByteCount(name) + 1 + ValueLength(value);

    private static int ValueLength(BsonValue value) => value.Type switch
    {
        BsonType.Null or BsonType.MinValue or BsonType.MaxValue => 0,
        BsonType.Int32 => 4,
        BsonType.Int64 or BsonType.Double or BsonType.DateTime => 8,
        BsonType.Decimal => 16,
        BsonType.Boolean => 1,
        BsonType.ObjectId => 12,
        // Variable-length values carry their length and, for strings, a closing zero; binaries and guids a subtype.
        BsonType.Guid => 16 + 5,
        BsonType.String => Encoding.UTF8.GetByteCount(value.AsString) + 5,
        BsonType.Binary => value.AsBinary.Length + 5,
        BsonType.Document => Length(value.AsDocument),
        BsonType.Array => ArrayLength(value.AsArray),
        _ => throw new ArgumentException($"No BSON length for a value of type {value.Type}.", nameof(value)),
    };

    private static int ArrayLength(BsonArray array)
    {
        var length = 5;
        for (var i = 0; i < array.Count; i++) length += ElementLength(i.ToString(System.Globalization.CultureInfo.InvariantCulture), array[i]);
        return length;
    }
}
