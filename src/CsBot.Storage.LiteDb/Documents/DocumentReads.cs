using System.Reflection;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// The documents the hourly evaluation reads for every account, turned into objects by hand instead of by LiteDB's
/// reflection mapper, which cost more than the reading itself. They read what the mapper writes (<see
/// cref="LiteDbContext"/>'s settings: enums by name, null values left out) and, like it, leave a missing field at its
/// default.
/// </summary>
/// <remarks>
/// A property added to <see cref="AccountDocument"/> or <see cref="PersonDocument"/> that is not read here would be
/// lost silently, so <see cref="ReadsEveryField"/> compares the properties read here with the documents' own; when
/// they differ, accounts are read by the mapper (slower, never wrong) until this file maps the new field, and a test
/// fails to say so.
/// </remarks>
internal static class DocumentReads
{
    private static readonly string[] AccountFields =
    [
        nameof(AccountDocument.Id), nameof(AccountDocument.ExternalId), nameof(AccountDocument.Name), nameof(AccountDocument.Aliases),
        nameof(AccountDocument.Domain), nameof(AccountDocument.Segment), nameof(AccountDocument.Plan), nameof(AccountDocument.Mrr),
        nameof(AccountDocument.ContractKind), nameof(AccountDocument.StartDay), nameof(AccountDocument.RenewalDay),
        nameof(AccountDocument.AutoRenew), nameof(AccountDocument.NoticePeriodDays), nameof(AccountDocument.Owner),
        nameof(AccountDocument.Manager), nameof(AccountDocument.ChurnedDay),
    ];

    private static readonly string[] PersonFields =
    [
        nameof(PersonDocument.Name), nameof(PersonDocument.Email), nameof(PersonDocument.ChatIds),
        nameof(PersonDocument.SlackUserId), nameof(PersonDocument.TeamsUserId), nameof(PersonDocument.TimeZone),
    ];

    /// <summary>Whether every property of the account and person documents is read here.</summary>
    public static bool ReadsEveryField { get; } = SameFields(typeof(AccountDocument), AccountFields) && SameFields(typeof(PersonDocument), PersonFields);

    /// <summary>An account document read from its raw form: by hand, or by the mapper when this file is behind the document's fields.</summary>
    public static AccountDocument Account(BsonDocument document, BsonMapper mapper)
    {
        if (!ReadsEveryField) return mapper.ToObject<AccountDocument>(document);
        var account = new AccountDocument { Id = document["_id"].AsString };
        foreach (var (field, value) in document)
        {
            if (value.IsNull) continue;
            switch (field)
            {
                case nameof(AccountDocument.ExternalId): account.ExternalId = value.AsString; break;
                case nameof(AccountDocument.Name): account.Name = value.AsString; break;
                case nameof(AccountDocument.Aliases): account.Aliases = [.. value.AsArray.Select(a => a.AsString)]; break;
                case nameof(AccountDocument.Domain): account.Domain = value.AsString; break;
                case nameof(AccountDocument.Segment): account.Segment = value.AsString; break;
                case nameof(AccountDocument.Plan): account.Plan = value.AsString; break;
                case nameof(AccountDocument.Mrr): account.Mrr = value.AsDecimal; break;
                case nameof(AccountDocument.ContractKind): account.ContractKind = Enum<Core.Accounts.ContractKind>(value); break;
                case nameof(AccountDocument.StartDay): account.StartDay = value.AsInt32; break;
                case nameof(AccountDocument.RenewalDay): account.RenewalDay = value.AsInt32; break;
                case nameof(AccountDocument.AutoRenew): account.AutoRenew = value.AsBoolean; break;
                case nameof(AccountDocument.NoticePeriodDays): account.NoticePeriodDays = value.AsInt32; break;
                case nameof(AccountDocument.Owner): account.Owner = Person(value.AsDocument); break;
                case nameof(AccountDocument.Manager): account.Manager = Person(value.AsDocument); break;
                case nameof(AccountDocument.ChurnedDay): account.ChurnedDay = value.AsInt32; break;
            }
        }
        return account;
    }

    /// <summary>The packed days of a usage document, checked to be of the current format.</summary>
    public static byte[] UsagePacked(BsonDocument document)
    {
        var format = document.TryGetValue(nameof(UsageDocument.Format), out var value) ? value : BsonValue.Null;
        if (!format.IsNumber || format.AsInt32 != UsageDocument.CurrentFormat)
            throw new InvalidDataException($"Usage of account '{document["_id"]}' is stored in unknown format {format}.");
        return document.TryGetValue(nameof(UsageDocument.Packed), out var packed) && packed.IsBinary ? packed.AsBinary : [];
    }

    /// <summary>
    /// A signals document; one holding packed items is read by hand (id, format and bytes), one written before packing
    /// (items as nested lists) by the mapper, as those are rare and read once until rewritten.
    /// </summary>
    public static SignalsDocument Signals(BsonDocument document, BsonMapper mapper)
    {
        if (!document.TryGetValue(nameof(SignalsDocument.Packed), out var packed) || !packed.IsBinary) return mapper.ToObject<SignalsDocument>(document);
        return new SignalsDocument
        {
            Id = document["_id"].AsString,
            Format = document.TryGetValue(nameof(SignalsDocument.Format), out var format) && format.IsNumber ? format.AsInt32 : 0,
            Packed = packed.AsBinary,
        };
    }

    private static PersonDocument Person(BsonDocument document)
    {
        var person = new PersonDocument();
        foreach (var (field, value) in document)
        {
            if (value.IsNull) continue;
            switch (field)
            {
                case nameof(PersonDocument.Name): person.Name = value.AsString; break;
                case nameof(PersonDocument.Email): person.Email = value.AsString; break;
                case nameof(PersonDocument.ChatIds): person.ChatIds = value.AsDocument.ToDictionary(p => p.Key, p => p.Value.AsString, StringComparer.Ordinal); break;
                case nameof(PersonDocument.SlackUserId): person.SlackUserId = value.AsString; break;
                case nameof(PersonDocument.TeamsUserId): person.TeamsUserId = value.AsString; break;
                case nameof(PersonDocument.TimeZone): person.TimeZone = value.AsString; break;
            }
        }
        return person;
    }

    private static T Enum<T>(BsonValue value) where T : struct, System.Enum =>
        value.IsString ? System.Enum.Parse<T>(value.AsString, ignoreCase: true) : (T)(object)value.AsInt32;

    private static bool SameFields(Type type, string[] read) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToHashSet().SetEquals(read);
}
