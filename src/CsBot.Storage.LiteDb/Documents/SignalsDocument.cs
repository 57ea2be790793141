using CsBot.Core.Signals;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// An account's tickets, surveys, invoices, revenue events and renewal outcomes: ONE document per account in
/// collection "signals", keyed by the account id, rather than a collection per kind with an AccountId index.
/// </summary>
/// <remarks>
/// Every port that touches these reads or replaces them per account and all kinds together (LoadSignals,
/// LoadAllSignals, Save "replaces their signals"): one document is one index seek to load and one upsert to replace,
/// where five collections would cost five seeks per load and five delete-many plus inserts per save, and would need a
/// secondary index each. They are small (tens of items per account), far below LiteDB's document size limit. Queries
/// across accounts ("all open critical tickets") are not asked of the store; scoring and rules walk the portfolio.
/// Each item's AccountId is stored only when it differs from the document's, which it normally does not.
/// The items are packed into one binary field (<see cref="PackedSignals"/>), because reading them as nested documents
/// was most of the time of reading the portfolio. Files written before hold them in the lists below, which are read
/// when <see cref="Packed"/> is absent and are no longer written.
/// </remarks>
internal sealed class SignalsDocument
{
    public const int CurrentFormat = 1;

    [BsonId]
    public string Id { get; set; } = "";
    /// <summary>Layout version of <see cref="Packed"/>; 0 for documents that hold their items in the lists.</summary>
    public int Format { get; set; }
    public byte[]? Packed { get; set; }
    public List<TicketDocument>? Tickets { get; set; }
    public List<SurveyDocument>? Surveys { get; set; }
    public List<InvoiceDocument>? Invoices { get; set; }
    public List<RevenueEventDocument>? RevenueEvents { get; set; }
    public List<RenewalOutcomeDocument>? RenewalOutcomes { get; set; }

    public static bool HasAny(AccountSignals signals) =>
        signals.Tickets.Count + signals.Surveys.Count + signals.Invoices.Count + signals.RevenueEvents.Count + signals.RenewalOutcomes.Count > 0;

    public static SignalsDocument From(AccountSignals signals) => new()
    {
        Id = signals.Account.Id,
        Format = CurrentFormat,
        Packed = PackedSignals.Pack(signals),
    };

    /// <summary><paramref name="signals"/> with this document's tickets, surveys, invoices, revenue events and renewal outcomes.</summary>
    public AccountSignals AddTo(AccountSignals signals)
    {
        if (Packed is not null)
        {
            if (Format != CurrentFormat) throw new InvalidDataException($"Signals of account '{Id}' are stored in unknown format {Format}.");
            return PackedSignals.Unpack(Packed, Id, signals);
        }
        return signals with { Tickets = ToTickets(), Surveys = ToSurveys(), Invoices = ToInvoices(), RevenueEvents = ToRevenueEvents(), RenewalOutcomes = ToRenewalOutcomes() };
    }

    /// <summary>The document as files written before packing hold it: kept so those files stay readable, and tested.</summary>
    internal static SignalsDocument FromLegacyLists(AccountSignals signals)
    {
        var accountId = signals.Account.Id;
        string? Other(string itemAccountId) => itemAccountId == accountId ? null : itemAccountId;
        return new SignalsDocument
        {
            Id = accountId,
            Tickets = [.. signals.Tickets.Select(t => new TicketDocument
            {
                Id = t.Id, AccountId = Other(t.AccountId), Severity = t.Severity,
                Opened = InstantDocument.From(t.Opened), Closed = InstantDocument.From(t.Closed),
            })],
            Surveys = [.. signals.Surveys.Select(s => new SurveyDocument
            {
                Id = s.Id, AccountId = Other(s.AccountId), Kind = s.Kind, Score = s.Score, Day = Days.From(s.Date), Respondent = s.Respondent,
            })],
            Invoices = [.. signals.Invoices.Select(i => new InvoiceDocument
            {
                Id = i.Id, AccountId = Other(i.AccountId), Amount = i.Amount,
                IssuedDay = Days.From(i.IssuedOn), DueDay = Days.From(i.DueDate), PaidDay = Days.From(i.PaidOn),
            })],
            RevenueEvents = [.. signals.RevenueEvents.Select(e => new RevenueEventDocument
            {
                Id = e.Id, AccountId = Other(e.AccountId), Kind = e.Kind, MrrDelta = e.MrrDelta, Day = Days.From(e.Date),
            })],
            RenewalOutcomes = [.. signals.RenewalOutcomes.Select(r => new RenewalOutcomeDocument
            {
                Id = r.Id, AccountId = Other(r.AccountId), RenewalDay = Days.From(r.RenewalDate), Result = r.Result,
                MrrBefore = r.MrrBefore, MrrAfter = r.MrrAfter,
            })],
        };
    }

    private List<SupportTicket> ToTickets() =>
        [.. (Tickets ?? []).Select(t => new SupportTicket(t.Id, t.AccountId ?? Id, t.Severity, t.Opened.ToDateTimeOffset(), t.Closed?.ToDateTimeOffset()))];

    private List<SurveyResponse> ToSurveys() =>
        [.. (Surveys ?? []).Select(s => new SurveyResponse(s.Id, s.AccountId ?? Id, s.Kind, s.Score, Days.ToDate(s.Day), s.Respondent))];

    private List<Invoice> ToInvoices() =>
        [.. (Invoices ?? []).Select(i => new Invoice(i.Id, i.AccountId ?? Id, i.Amount, Days.ToDate(i.IssuedDay), Days.ToDate(i.DueDay), Days.ToDate(i.PaidDay)))];

    private List<RevenueEvent> ToRevenueEvents() =>
        [.. (RevenueEvents ?? []).Select(e => new RevenueEvent(e.Id, e.AccountId ?? Id, e.Kind, e.MrrDelta, Days.ToDate(e.Day)))];

    private List<RenewalOutcome> ToRenewalOutcomes() =>
        [.. (RenewalOutcomes ?? []).Select(r => new RenewalOutcome(r.Id, r.AccountId ?? Id, Days.ToDate(r.RenewalDay), r.Result, r.MrrBefore, r.MrrAfter))];
}

internal sealed class TicketDocument
{
    public string Id { get; set; } = "";
    public string? AccountId { get; set; }
    public TicketSeverity Severity { get; set; }
    public InstantDocument Opened { get; set; } = new();
    public InstantDocument? Closed { get; set; }
}

internal sealed class SurveyDocument
{
    public string Id { get; set; } = "";
    public string? AccountId { get; set; }
    public SurveyKind Kind { get; set; }
    public int Score { get; set; }
    public int Day { get; set; }
    public string? Respondent { get; set; }
}

internal sealed class InvoiceDocument
{
    public string Id { get; set; } = "";
    public string? AccountId { get; set; }
    public decimal Amount { get; set; }
    public int IssuedDay { get; set; }
    public int DueDay { get; set; }
    public int? PaidDay { get; set; }
}

internal sealed class RevenueEventDocument
{
    public string Id { get; set; } = "";
    public string? AccountId { get; set; }
    public RevenueEventKind Kind { get; set; }
    public decimal MrrDelta { get; set; }
    public int Day { get; set; }
}

internal sealed class RenewalOutcomeDocument
{
    public string Id { get; set; } = "";
    public string? AccountId { get; set; }
    public int RenewalDay { get; set; }
    public RenewalResult Result { get; set; }
    public decimal MrrBefore { get; set; }
    public decimal MrrAfter { get; set; }
}
