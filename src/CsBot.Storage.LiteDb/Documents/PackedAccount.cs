using CsBot.Core.Accounts;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// An account's record packed into bytes, as <see cref="AccountDataDocument"/> holds it beside the account's usage and
/// signals, so an evaluation reads one document per account instead of a document in each of three collections.
/// The account's own document in "accounts" (indexed, read by look-ups and listings) stays as it is and is written
/// with it in the same transaction.
/// </summary>
/// <remarks>
/// Layout (format 1), in the encoding of <see cref="PackedSignals"/>: id, external id, name, alias count and aliases,
/// domain, segment, plan, MRR, contract kind (by name), start day, renewal day (flag and day), contract term (flag and
/// months), auto-renew, notice days, owner, manager (flag and person), churn day (flag and day). A person is name,
/// email, time zone and chat ids (count, then platform and id each). A member added to <see cref="Account"/> or
/// <see cref="Person"/> must be added here under a new format; a test round-trips every member to catch one missed.
/// </remarks>
internal static class PackedAccount
{
    public static byte[] Pack(Account account)
    {
        var writer = new PackedSignals.Writer();
        writer.String(account.Id);
        writer.String(account.ExternalId);
        writer.String(account.Name);
        writer.Int(account.Aliases.Count);
        foreach (var alias in account.Aliases) writer.String(alias);
        writer.String(account.Domain);
        writer.String(account.Segment);
        writer.String(account.Plan);
        writer.Decimal(account.Mrr);
        writer.Enum(account.ContractKind);
        writer.Int(account.StartDate.DayNumber);
        Day(writer, account.RenewalDate);
        writer.Bool(account.ContractTermMonths.HasValue);
        if (account.ContractTermMonths is { } term) writer.Int(term);
        writer.Bool(account.AutoRenew);
        writer.Int(account.NoticePeriodDays);
        Person(writer, account.Owner ?? throw new ArgumentException($"Account '{account.Id}' has no owner.", nameof(account)));
        writer.Bool(account.Manager is not null);
        if (account.Manager is { } manager) Person(writer, manager);
        Day(writer, account.ChurnedOn);
        return writer.ToArray();
    }

    public static Account Unpack(ReadOnlySpan<byte> bytes, string accountId)
    {
        var reader = new PackedSignals.Reader(bytes, accountId);
        var id = reader.String()!;
        var externalId = reader.String()!;
        var name = reader.String()!;
        var aliases = new string[reader.Count()];
        for (var i = 0; i < aliases.Length; i++) aliases[i] = reader.String()!;
        var account = new Account
        {
            Id = id,
            ExternalId = externalId,
            Name = name,
            Aliases = aliases,
            Domain = reader.String(),
            Segment = reader.String()!,
            Plan = reader.String()!,
            Mrr = reader.Decimal(),
            ContractKind = reader.Enum<ContractKind>(),
            StartDate = reader.Day(),
            RenewalDate = reader.Bool() ? reader.Day() : null,
            ContractTermMonths = reader.Bool() ? reader.Int() : null,
            AutoRenew = reader.Bool(),
            NoticePeriodDays = reader.Int(),
            Owner = Person(ref reader),
            Manager = reader.Bool() ? Person(ref reader) : null,
            ChurnedOn = reader.Bool() ? reader.Day() : null,
        };
        reader.End();
        return account;
    }

    private static void Day(PackedSignals.Writer writer, DateOnly? day)
    {
        writer.Bool(day.HasValue);
        if (day is { } value) writer.Int(value.DayNumber);
    }

    private static void Person(PackedSignals.Writer writer, Person person)
    {
        writer.String(person.Name);
        writer.String(person.Email);
        writer.String(person.TimeZone);
        writer.Int(person.ChatIds.Count);
        foreach (var (platform, id) in person.ChatIds)
        {
            writer.String(platform);
            writer.String(id);
        }
    }

    private static Person Person(ref PackedSignals.Reader reader)
    {
        var name = reader.String()!;
        var email = reader.String()!;
        var timeZone = reader.String();
        var count = reader.Count();
        var ids = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) ids[reader.String()!] = reader.String()!;
        return new Person(name, email) { TimeZone = timeZone, ChatIds = ids };
    }
}
