using CsBot.Application.Ingestion.Records;
using CsBot.Core.Accounts;

namespace CsBot.Application.Ingestion;

/// <summary>Checks an <see cref="AccountRecord"/> and turns it into an <see cref="Account"/> (its internal id is set by the caller).</summary>
internal static class AccountRecordMapper
{
    public const decimal MaxMoney = 1_000_000_000_000m;

    public static Account? Map(AccountRecord record, RecordErrors errors, string currency)
    {
        var externalId = errors.Required(record.ExternalId, "externalId", 100);
        var name = errors.Required(record.Name, "name");
        var mrr = errors.Number(record.Mrr, "mrr", 0m, MaxMoney);
        errors.Currency(record.Currency, "currency", currency);
        var contract = errors.Enum<ContractKind>(record.ContractKind, "contractKind", required: false) ?? ContractKind.Annual;
        var start = errors.Date(record.StartDate, "startDate", required: true);
        var renewal = errors.Date(record.RenewalDate, "renewalDate", required: false);
        var churned = errors.Date(record.ChurnedOn, "churnedOn", required: false);
        var notice = record.NoticePeriodDays is null ? 0 : errors.Number(record.NoticePeriodDays, "noticePeriodDays", 0, 3650) ?? 0;
        var owner = Person(record.Owner, "owner", errors, required: true);
        var manager = Person(record.Manager, "manager", errors, required: false);

        if (start is { } s && renewal is { } r && r < s) errors.Add("renewalDate", $"{r:yyyy-MM-dd} is before startDate {s:yyyy-MM-dd}");
        if (start is { } s2 && churned is { } c && c < s2) errors.Add("churnedOn", $"{c:yyyy-MM-dd} is before startDate {s2:yyyy-MM-dd}");
        var aliases = (record.Aliases ?? []).Select(RecordErrors.Optional).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (errors.Any) return null;

        return new Account
        {
            Id = "",
            ExternalId = externalId!,
            Name = name!,
            Aliases = aliases,
            Domain = RecordErrors.Optional(record.Domain),
            Segment = RecordErrors.Optional(record.Segment) ?? "SMB",
            Plan = RecordErrors.Optional(record.Plan) ?? "",
            Mrr = mrr!.Value,
            ContractKind = contract,
            StartDate = start!.Value,
            RenewalDate = renewal,
            AutoRenew = record.AutoRenew ?? false,
            NoticePeriodDays = notice,
            Owner = owner!,
            Manager = manager,
            ChurnedOn = churned,
        };
    }

    /// <summary>Record equality with the aliases compared by content (the domain record compares the list reference).</summary>
    public static bool Same(Account a, Account b) =>
        a with { Aliases = [] } == b with { Aliases = [] } && a.Aliases.SequenceEqual(b.Aliases, StringComparer.Ordinal);

    private static Person? Person(PersonRecord? person, string field, RecordErrors errors, bool required)
    {
        if (person is null || (RecordErrors.Optional(person.Name) is null && RecordErrors.Optional(person.Email) is null))
        {
            if (required) errors.Add(field, "is required: give at least name and email");
            return null;
        }
        var name = errors.Required(person.Name, field + ".name");
        var email = errors.Required(person.Email, field + ".email");
        if (email is not null && (email.IndexOf('@') <= 0 || email.EndsWith('@') || email.Contains(' ')))
            errors.Add(field + ".email", $"'{email}' is not an email address");
        var timeZone = RecordErrors.Optional(person.TimeZone);
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors.Add(field + ".timeZone", $"'{timeZone}' is not a known time zone; use an IANA id such as \"America/New_York\"");
        if (name is null || email is null) return null;
        var chatIds = new Dictionary<string, string>();
        if (RecordErrors.Optional(person.SlackUserId) is { } slack) chatIds[PersonRecord.SlackPlatform] = slack;
        if (RecordErrors.Optional(person.TeamsUserId) is { } teams) chatIds[PersonRecord.TeamsPlatform] = teams;
        return new Person(name, email) { TimeZone = timeZone, ChatIds = chatIds };
    }
}
