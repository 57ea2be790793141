using CsBot.Application.Ingestion.Records;
using CsBot.Core.Accounts;

namespace CsBot.Application.Ingestion;

/// <summary>Checks an <see cref="AccountRecord"/> and turns it into an <see cref="Account"/> (its internal id is set by the caller).</summary>
internal static class AccountRecordMapper
{
    public const decimal MaxMoney = 1_000_000_000_000m;

    /// <summary>The longest contract term taken, in months: ten years.</summary>
    public const int MaxTermMonths = 120;

    public static Account? Map(AccountRecord record, RecordErrors errors, string currency)
    {
        var externalId = errors.Required(record.ExternalId, "externalId", FieldLimits.ExternalId);
        var name = errors.Required(record.Name, "name", FieldLimits.Name);
        var mrr = errors.Number(record.Mrr, "mrr", 0m, MaxMoney);
        errors.Currency(record.Currency, "currency", currency);
        var contract = errors.Enum<ContractKind>(record.ContractKind, "contractKind", required: false) ?? ContractKind.Annual;
        var start = errors.Date(record.StartDate, "startDate", required: true);
        var renewal = errors.Date(record.RenewalDate, "renewalDate", required: false);
        var churned = errors.Date(record.ChurnedOn, "churnedOn", required: false);
        var term = record.ContractTermMonths is null ? null : errors.Number(record.ContractTermMonths, "contractTermMonths", 1, MaxTermMonths);
        var notice = record.NoticePeriodDays is null ? 0 : errors.Number(record.NoticePeriodDays, "noticePeriodDays", 0, 3650) ?? 0;
        var owner = Person(record.Owner, "owner", errors, required: true);
        var manager = Person(record.Manager, "manager", errors, required: false);

        if (start is { } s && renewal is { } r && r < s) errors.Add("renewalDate", $"{r:yyyy-MM-dd} is before startDate {s:yyyy-MM-dd}");
        if (start is { } s2 && churned is { } c && c < s2) errors.Add("churnedOn", $"{c:yyyy-MM-dd} is before startDate {s2:yyyy-MM-dd}");
        var aliases = Aliases(record.Aliases, errors);
        var domain = errors.Optional(record.Domain, "domain", FieldLimits.Domain);
        var segment = errors.Optional(record.Segment, "segment", FieldLimits.Segment);
        var plan = errors.Optional(record.Plan, "plan", FieldLimits.Plan);
        if (errors.Any) return null;

        return new Account
        {
            Id = "",
            ExternalId = externalId!,
            Name = name!,
            Aliases = aliases,
            Domain = domain,
            Segment = segment ?? "SMB",
            Plan = plan ?? "",
            Mrr = mrr!.Value,
            ContractKind = contract,
            StartDate = start!.Value,
            RenewalDate = renewal,
            ContractTermMonths = term,
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

    private static List<string> Aliases(IReadOnlyList<string>? given, RecordErrors errors)
    {
        var aliases = new List<string>();
        if (given is null) return aliases;
        if (given.Count > FieldLimits.AliasCount)
        {
            errors.Add("aliases", $"has {given.Count} entries; at most {FieldLimits.AliasCount} are allowed");
            return aliases;
        }
        for (var i = 0; i < given.Count; i++)
            if (errors.Optional(given[i], $"aliases[{i}]", FieldLimits.Alias) is { } alias && !aliases.Contains(alias, StringComparer.OrdinalIgnoreCase))
                aliases.Add(alias);
        return aliases;
    }

    private static Person? Person(PersonRecord? person, string field, RecordErrors errors, bool required)
    {
        if (person is null || (RecordErrors.Optional(person.Name) is null && RecordErrors.Optional(person.Email) is null))
        {
            if (required) errors.Add(field, "is required: give at least name and email");
            return null;
        }
        var name = errors.Required(person.Name, field + ".name", FieldLimits.Name);
        var email = errors.Required(person.Email, field + ".email", FieldLimits.Email);
        if (email is not null && (email.IndexOf('@') <= 0 || email.EndsWith('@') || email.Contains(' ')))
            errors.Add(field + ".email", $"'{email}' is not an email address");
        var timeZone = errors.Optional(person.TimeZone, field + ".timeZone", FieldLimits.TimeZone);
        var slackUserId = errors.Optional(person.SlackUserId, field + ".slackUserId", FieldLimits.ChatUserId);
        var teamsUserId = errors.Optional(person.TeamsUserId, field + ".teamsUserId", FieldLimits.ChatUserId);
        if (timeZone is { Length: <= FieldLimits.TimeZone } && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors.Add(field + ".timeZone", $"'{timeZone}' is not a known time zone; use an IANA id such as \"America/New_York\"");
        if (name is null || email is null) return null;
        var chatIds = new Dictionary<string, string>();
        if (slackUserId is not null) chatIds[PersonRecord.SlackPlatform] = slackUserId;
        if (teamsUserId is not null) chatIds[PersonRecord.TeamsPlatform] = teamsUserId;
        return new Person(name, email) { TimeZone = timeZone, ChatIds = chatIds };
    }
}
