using CsBot.Application.Ingestion.Records;
using CsBot.Core.Signals;

namespace CsBot.Application.Ingestion;

/// <summary>Checks signal records and turns them into domain signals for an already resolved account.</summary>
internal static class SignalRecordMappers
{
    private const int MaxCount = 10_000_000;

    public static UsageDay? Usage(UsageRecord r, RecordErrors e, string accountId, DateOnly today)
    {
        var date = e.Date(r.Date, "date", required: true);
        if (date is { } d && d > today.AddDays(1)) e.Add("date", $"{d:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})");
        var active = e.Number(r.ActiveUsers, "activeUsers", 0, MaxCount);
        var monthly = e.Number(r.MonthlyActiveUsers, "monthlyActiveUsers", 0, MaxCount);
        var seats = e.Number(r.LicensedSeats, "licensedSeats", 0, MaxCount);
        var logins = e.Number(r.Logins, "logins", 0, MaxCount);
        var uses = e.Number(r.KeyFeatureUses, "keyFeatureUses", 0, MaxCount);
        if (active is { } a && monthly is { } m && m < a) e.Add("monthlyActiveUsers", $"is {m}, fewer than the {a} active users of that day");
        return e.Any ? null : new UsageDay(date!.Value, active!.Value, monthly!.Value, seats!.Value, logins!.Value, uses!.Value);
    }

    public static SupportTicket? Ticket(TicketRecord r, RecordErrors e, string accountId)
    {
        var id = e.Required(r.ExternalId, "externalId", FieldLimits.ExternalId);
        var severity = e.Enum<TicketSeverity>(r.Severity, "severity", required: true);
        var opened = e.Timestamp(r.Opened, "opened", required: true);
        var closed = e.Timestamp(r.Closed, "closed", required: false);
        if (opened is { } o && closed is { } c && c < o) e.Add("closed", $"{c:O} is before opened {o:O}");
        return e.Any ? null : new SupportTicket(id!, accountId, severity!.Value, opened!.Value, closed);
    }

    public static SurveyResponse? Survey(SurveyRecord r, RecordErrors e, string accountId)
    {
        var id = e.Required(r.ExternalId, "externalId", FieldLimits.ExternalId);
        var kind = e.Enum<SurveyKind>(r.Kind, "kind", required: true);
        var date = e.Date(r.Date, "date", required: true);
        var respondent = e.Optional(r.Respondent, "respondent", FieldLimits.Respondent);
        int? score = null;
        if (kind is { } k)
        {
            var (min, max) = k switch { SurveyKind.Nps => (0, 10), SurveyKind.Csat => (1, 5), _ => (1, 7) };
            score = e.Number(r.Score, "score", min, max);
        }
        return e.Any ? null : new SurveyResponse(id!, accountId, kind!.Value, score!.Value, date!.Value, respondent);
    }

    public static Invoice? Invoice(InvoiceRecord r, RecordErrors e, string accountId, string currency)
    {
        var id = e.Required(r.ExternalId, "externalId", FieldLimits.ExternalId);
        var amount = e.Number(r.Amount, "amount", 0m, AccountRecordMapper.MaxMoney);
        e.Currency(r.Currency, "currency", currency);
        var issued = e.Date(r.IssuedOn, "issuedOn", required: true);
        var due = e.Date(r.DueDate, "dueDate", required: true);
        var paid = e.Date(r.PaidOn, "paidOn", required: false);
        if (issued is { } i && due is { } d && d < i) e.Add("dueDate", $"{d:yyyy-MM-dd} is before issuedOn {i:yyyy-MM-dd}");
        if (issued is { } i2 && paid is { } p && p < i2) e.Add("paidOn", $"{p:yyyy-MM-dd} is before issuedOn {i2:yyyy-MM-dd}");
        return e.Any ? null : new Invoice(id!, accountId, amount!.Value, issued!.Value, due!.Value, paid);
    }

    public static RevenueEvent? Revenue(RevenueEventRecord r, RecordErrors e, string accountId, string currency)
    {
        var id = e.Required(r.ExternalId, "externalId", FieldLimits.ExternalId);
        var kind = e.Enum<RevenueEventKind>(r.Kind, "kind", required: true);
        var delta = e.Number(r.MrrDelta, "mrrDelta", -AccountRecordMapper.MaxMoney, AccountRecordMapper.MaxMoney);
        e.Currency(r.Currency, "currency", currency);
        var date = e.Date(r.Date, "date", required: true);
        if (kind is { } k && delta is { } m)
        {
            var gain = k is RevenueEventKind.New or RevenueEventKind.Expansion or RevenueEventKind.Reactivation;
            if (m == 0) e.Add("mrrDelta", "is 0; a revenue event changes MRR");
            else if (gain && m < 0) e.Add("mrrDelta", $"is {m}, but a {k} event adds MRR: send a positive amount");
            else if (!gain && m > 0) e.Add("mrrDelta", $"is {m}, but a {k} event removes MRR: send a negative amount");
        }
        return e.Any ? null : new RevenueEvent(id!, accountId, kind!.Value, delta!.Value, date!.Value);
    }

    public static RenewalOutcome? Renewal(RenewalOutcomeRecord r, RecordErrors e, string accountId, string currency)
    {
        var date = e.Date(r.RenewalDate, "renewalDate", required: true);
        var outcome = e.Enum<RenewalResult>(r.Outcome, "outcome", required: true);
        var before = e.Number(r.MrrBefore, "mrrBefore", 0m, AccountRecordMapper.MaxMoney);
        var after = e.Number(r.MrrAfter, "mrrAfter", 0m, AccountRecordMapper.MaxMoney);
        e.Currency(r.Currency, "currency", currency);
        if (outcome is { } o && before is { } b && after is { } a)
        {
            if (o == RenewalResult.Churned && a != 0) e.Add("mrrAfter", $"is {a}, but a churned contract keeps no MRR: send 0");
            else if (o == RenewalResult.Downgraded && a >= b) e.Add("mrrAfter", $"is {a}, not below mrrBefore {b}: a downgrade lowers MRR (send outcome Renewed if it did not)");
            else if (o != RenewalResult.Churned && a == 0) e.Add("mrrAfter", $"is 0, but a {o} contract keeps MRR: send outcome Churned if it ended");
        }
        return e.Any ? null : new RenewalOutcome(KeyOf(date!.Value), accountId, date!.Value, outcome!.Value, before!.Value, after!.Value);
    }

    /// <summary>The key of a renewal outcome within its account: its renewal date.</summary>
    public static string KeyOf(DateOnly renewalDate) => renewalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
