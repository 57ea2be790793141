using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Query filters with the value as a parameter. LiteDB's <c>Query.EQ</c>, <c>Query.In</c> and <c>Query.Between</c> write
/// the value into the expression's text, and LiteDB parses, compiles (a dynamic method) and caches for good every
/// distinct text: one compilation per account or external id looked up, which was a large part of an ingestion
/// batch's time, and a cache that grows with every id ever asked for. With the value as @0 the text is the same for
/// every value, so it is compiled once; the index is chosen as before.
/// </summary>
internal static class Filters
{
    public static BsonExpression Equal(string path, BsonValue value) => BsonExpression.Create(path + " = @0", value);

    public static BsonExpression Between(string path, BsonValue from, BsonValue to) => BsonExpression.Create(path + " BETWEEN @0 AND @1", from, to);

    public static BsonExpression In(string path, BsonArray values) => BsonExpression.Create(path + " IN @0", values);
}
