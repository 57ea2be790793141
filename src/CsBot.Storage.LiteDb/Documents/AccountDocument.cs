using CsBot.Core.Accounts;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>One account, collection "accounts", keyed by the account id.</summary>
internal sealed class AccountDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public string? Domain { get; set; }
    public string Segment { get; set; } = "";
    public string Plan { get; set; } = "";
    public decimal Mrr { get; set; }
    public ContractKind ContractKind { get; set; }
    public int StartDay { get; set; }
    public int? RenewalDay { get; set; }
    public int? ContractTermMonths { get; set; }
    public bool AutoRenew { get; set; }
    public int NoticePeriodDays { get; set; }
    public PersonDocument Owner { get; set; } = new();
    public PersonDocument? Manager { get; set; }
    public int? ChurnedDay { get; set; }

    public static AccountDocument From(Account account) => new()
    {
        Id = account.Id,
        ExternalId = account.ExternalId,
        Name = account.Name,
        Aliases = [.. account.Aliases],
        Domain = account.Domain,
        Segment = account.Segment,
        Plan = account.Plan,
        Mrr = account.Mrr,
        ContractKind = account.ContractKind,
        StartDay = Days.From(account.StartDate),
        RenewalDay = Days.From(account.RenewalDate),
        ContractTermMonths = account.ContractTermMonths,
        AutoRenew = account.AutoRenew,
        NoticePeriodDays = account.NoticePeriodDays,
        Owner = PersonDocument.From(account.Owner ?? throw new ArgumentException($"Account '{account.Id}' has no owner.", nameof(account))),
        Manager = account.Manager is { } manager ? PersonDocument.From(manager) : null,
        ChurnedDay = Days.From(account.ChurnedOn),
    };

    public Account ToAccount() => new()
    {
        Id = Id,
        ExternalId = ExternalId,
        Name = Name,
        Aliases = Aliases ?? [],
        Domain = Domain,
        Segment = Segment,
        Plan = Plan,
        Mrr = Mrr,
        ContractKind = ContractKind,
        StartDate = Days.ToDate(StartDay),
        RenewalDate = Days.ToDate(RenewalDay),
        ContractTermMonths = ContractTermMonths,
        AutoRenew = AutoRenew,
        NoticePeriodDays = NoticePeriodDays,
        Owner = Owner.ToPerson(),
        Manager = Manager?.ToPerson(),
        ChurnedOn = Days.ToDate(ChurnedDay),
    };
}

internal sealed class PersonDocument
{
    // Documents written before chat ids became per-platform handles hold them in these two fields; they are read,
    // under the platform names Slack and Teams askers carry, and no longer written.
    private const string LegacySlackPlatform = "slack";
    private const string LegacyTeamsPlatform = "teams";

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public Dictionary<string, string>? ChatIds { get; set; }
    public string? SlackUserId { get; set; }
    public string? TeamsUserId { get; set; }
    public string? TimeZone { get; set; }

    public static PersonDocument From(Person person) => new()
    {
        Name = person.Name,
        Email = person.Email,
        ChatIds = person.ChatIds.Count == 0 ? null : new Dictionary<string, string>(person.ChatIds),
        TimeZone = person.TimeZone,
    };

    public Person ToPerson()
    {
        var ids = ChatIds is null ? new Dictionary<string, string>() : new Dictionary<string, string>(ChatIds);
        if (!string.IsNullOrEmpty(SlackUserId)) ids.TryAdd(LegacySlackPlatform, SlackUserId);
        if (!string.IsNullOrEmpty(TeamsUserId)) ids.TryAdd(LegacyTeamsPlatform, TeamsUserId);
        return new Person(Name, Email) { TimeZone = TimeZone, ChatIds = ids };
    }
}
