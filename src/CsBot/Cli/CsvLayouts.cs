using System.Globalization;
using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Records;
using CsBot.Core.Signals;

namespace CsBot.Host.Cli;

/// <summary>
/// The CSV layout of each kind: its columns (named as the JSON fields, with owner/manager flattened to ownerName,
/// ownerEmail...), which of them a file must have, how a row becomes an ingestion record, and how stored signals are
/// written back as rows.
/// </summary>
public sealed record CsvLayout(
    IngestKind Kind,
    string[] Columns,
    string[] Required,
    Func<CsvRow, object> Read,
    Func<IngestionService, IReadOnlyList<object>, bool, IngestResult> Upsert,
    Func<AccountSignals, string, IEnumerable<string?[]>> Rows)
{
    public static IReadOnlyDictionary<string, CsvLayout> ByName { get; } = new Dictionary<string, CsvLayout>(StringComparer.OrdinalIgnoreCase)
    {
        ["accounts"] = Accounts(),
        ["usage"] = Usage(),
        ["tickets"] = Tickets(),
        ["surveys"] = Surveys(),
        ["invoices"] = Invoices(),
        ["revenue"] = Revenue(),
        ["renewals"] = Renewals(),
    };

    /// <summary>The CSV column of a record field: "owner.email" is column "ownerEmail".</summary>
    public static string ColumnOf(string field)
    {
        var parts = field.Split('.');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string? D(DateOnly? d) => d is { } v ? D(v) : null;
    private static string N(decimal n) => n.ToString(CultureInfo.InvariantCulture);
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string T(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);

    private static CsvLayout Accounts() => new(IngestKind.Accounts,
        ["externalId", "name", "aliases", "domain", "segment", "plan", "mrr", "currency", "contractKind", "startDate", "renewalDate", "autoRenew",
         "noticePeriodDays", "ownerName", "ownerEmail", "ownerSlackUserId", "ownerTeamsUserId", "managerName", "managerEmail", "managerSlackUserId", "managerTeamsUserId", "churnedOn", "contractTermMonths"],
        ["externalId", "name", "mrr", "startDate", "ownerName", "ownerEmail"],
        r => new AccountRecord
        {
            ExternalId = r.Text("externalId"), Name = r.Text("name"),
            Aliases = r.Text("aliases")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Domain = r.Text("domain"), Segment = r.Text("segment"), Plan = r.Text("plan"), Mrr = r.Money("mrr"), Currency = r.Text("currency"),
            ContractKind = r.Text("contractKind"), StartDate = r.Text("startDate"), RenewalDate = r.Text("renewalDate"), AutoRenew = r.Bool("autoRenew"),
            NoticePeriodDays = r.Int("noticePeriodDays"),
            Owner = new PersonRecord { Name = r.Text("ownerName"), Email = r.Text("ownerEmail"), SlackUserId = r.Text("ownerSlackUserId"), TeamsUserId = r.Text("ownerTeamsUserId") },
            Manager = new PersonRecord { Name = r.Text("managerName"), Email = r.Text("managerEmail"), SlackUserId = r.Text("managerSlackUserId"), TeamsUserId = r.Text("managerTeamsUserId") },
            ChurnedOn = r.Text("churnedOn"), ContractTermMonths = r.Int("contractTermMonths"),
        },
        (s, records, skip) => s.UpsertAccounts([.. records.Cast<AccountRecord>()], skip),
        (s, currency) =>
        {
            var a = s.Account;
            return [[a.ExternalId, a.Name, string.Join(';', a.Aliases), a.Domain, a.Segment, a.Plan, N(a.Mrr), currency, a.ContractKind.ToString(), D(a.StartDate),
                D(a.RenewalDate), a.AutoRenew ? "true" : "false", N(a.NoticePeriodDays), a.Owner.Name, a.Owner.Email, a.Owner.ChatIdOn(PersonRecord.SlackPlatform), a.Owner.ChatIdOn(PersonRecord.TeamsPlatform),
                a.Manager?.Name, a.Manager?.Email, a.Manager?.ChatIdOn(PersonRecord.SlackPlatform), a.Manager?.ChatIdOn(PersonRecord.TeamsPlatform), D(a.ChurnedOn),
                a.ContractTermMonths is { } term ? N(term) : null]];
        });

    private static CsvLayout Usage() => new(IngestKind.Usage,
        ["accountExternalId", "date", "activeUsers", "monthlyActiveUsers", "licensedSeats", "logins", "keyFeatureUses"],
        ["accountExternalId", "date", "activeUsers", "monthlyActiveUsers", "licensedSeats", "logins", "keyFeatureUses"],
        r => new UsageRecord
        {
            AccountExternalId = r.Text("accountExternalId"), Date = r.Text("date"), ActiveUsers = r.Int("activeUsers"),
            MonthlyActiveUsers = r.Int("monthlyActiveUsers"), LicensedSeats = r.Int("licensedSeats"), Logins = r.Int("logins"), KeyFeatureUses = r.Int("keyFeatureUses"),
        },
        (s, records, skip) => s.UpsertUsage([.. records.Cast<UsageRecord>()], skip),
        (s, _) => s.Usage.Select(u => new string?[] { s.Account.ExternalId, D(u.Date), N(u.ActiveUsers), N(u.MonthlyActiveUsers), N(u.LicensedSeats), N(u.Logins), N(u.KeyFeatureUses) }));

    private static CsvLayout Tickets() => new(IngestKind.Tickets,
        ["externalId", "accountExternalId", "severity", "opened", "closed"],
        ["externalId", "accountExternalId", "severity", "opened"],
        r => new TicketRecord { ExternalId = r.Text("externalId"), AccountExternalId = r.Text("accountExternalId"), Severity = r.Text("severity"), Opened = r.Text("opened"), Closed = r.Text("closed") },
        (s, records, skip) => s.UpsertTickets([.. records.Cast<TicketRecord>()], skip),
        (s, _) => s.Tickets.Select(t => new string?[] { t.Id, s.Account.ExternalId, t.Severity.ToString(), T(t.Opened), t.Closed is { } c ? T(c) : null }));

    private static CsvLayout Surveys() => new(IngestKind.Surveys,
        ["externalId", "accountExternalId", "kind", "score", "date", "respondent"],
        ["externalId", "accountExternalId", "kind", "score", "date"],
        r => new SurveyRecord { ExternalId = r.Text("externalId"), AccountExternalId = r.Text("accountExternalId"), Kind = r.Text("kind"), Score = r.Int("score"), Date = r.Text("date"), Respondent = r.Text("respondent") },
        (s, records, skip) => s.UpsertSurveys([.. records.Cast<SurveyRecord>()], skip),
        (s, _) => s.Surveys.Select(v => new string?[] { v.Id, s.Account.ExternalId, v.Kind.ToString(), N(v.Score), D(v.Date), v.Respondent }));

    private static CsvLayout Invoices() => new(IngestKind.Invoices,
        ["externalId", "accountExternalId", "amount", "currency", "issuedOn", "dueDate", "paidOn"],
        ["externalId", "accountExternalId", "amount", "issuedOn", "dueDate"],
        r => new InvoiceRecord { ExternalId = r.Text("externalId"), AccountExternalId = r.Text("accountExternalId"), Amount = r.Money("amount"), Currency = r.Text("currency"), IssuedOn = r.Text("issuedOn"), DueDate = r.Text("dueDate"), PaidOn = r.Text("paidOn") },
        (s, records, skip) => s.UpsertInvoices([.. records.Cast<InvoiceRecord>()], skip),
        (s, currency) => s.Invoices.Select(i => new string?[] { i.Id, s.Account.ExternalId, N(i.Amount), currency, D(i.IssuedOn), D(i.DueDate), D(i.PaidOn) }));

    private static CsvLayout Revenue() => new(IngestKind.RevenueEvents,
        ["externalId", "accountExternalId", "kind", "mrrDelta", "currency", "date"],
        ["externalId", "accountExternalId", "kind", "mrrDelta", "date"],
        r => new RevenueEventRecord { ExternalId = r.Text("externalId"), AccountExternalId = r.Text("accountExternalId"), Kind = r.Text("kind"), MrrDelta = r.Money("mrrDelta"), Currency = r.Text("currency"), Date = r.Text("date") },
        (s, records, skip) => s.UpsertRevenueEvents([.. records.Cast<RevenueEventRecord>()], skip),
        (s, currency) => s.RevenueEvents.Select(e => new string?[] { e.Id, s.Account.ExternalId, e.Kind.ToString(), N(e.MrrDelta), currency, D(e.Date) }));

    private static CsvLayout Renewals() => new(IngestKind.RenewalOutcomes,
        ["accountExternalId", "renewalDate", "outcome", "mrrBefore", "mrrAfter", "currency"],
        ["accountExternalId", "renewalDate", "outcome", "mrrBefore", "mrrAfter"],
        r => new RenewalOutcomeRecord { AccountExternalId = r.Text("accountExternalId"), RenewalDate = r.Text("renewalDate"), Outcome = r.Text("outcome"), MrrBefore = r.Money("mrrBefore"), MrrAfter = r.Money("mrrAfter"), Currency = r.Text("currency") },
        (s, records, skip) => s.UpsertRenewalOutcomes([.. records.Cast<RenewalOutcomeRecord>()], skip),
        (s, currency) => s.RenewalOutcomes.Select(o => new string?[] { s.Account.ExternalId, D(o.RenewalDate), o.Result.ToString(), N(o.MrrBefore), N(o.MrrAfter), currency }));
}
