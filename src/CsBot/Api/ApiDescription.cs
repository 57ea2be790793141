namespace CsBot.Host.Api;

/// <summary>The rules a sender needs that the schemas cannot say, shown in the OpenAPI document and per endpoint.</summary>
public static class ApiDescription
{
    public const string MrrRule =
        "Two sources hold an account's MRR: the account's mrr and the revenue events. Revenue metrics (NRR, GRR, churn, " +
        "expansion, quick ratio, CLV) use only the revenue events; answers show ARR as 12 x the account's mrr. After every " +
        "accounts or revenue-events batch the two are compared, and a difference of more than 1 (rounding) is a warning in " +
        "the response's warnings, naming the account; the batch is still accepted.";

    public const string ChurnRule =
        "When an account is sent without churnedOn, its last churn revenue event (not followed by a new or reactivation " +
        "event) sets it.";

    public const string TermRule =
        "contractTermMonths (optional, 1 to 120) is the length of one contract term; annual contracts without it run 12 " +
        "months. Once the renewal date has passed while the account is still a customer, the next renewal date is that " +
        "date plus whole terms, without a CRM update.";

    public const string RenewalRule =
        "Renewal outcomes are keyed by accountExternalId and renewalDate: one outcome per contract renewal, and the same " +
        "one sent again changes nothing. outcome is Renewed, Churned (mrrAfter 0) or Downgraded (mrrAfter below mrrBefore). " +
        "For contracts with no outcome sent, the renewal rate derives one: renewed when the account kept paying past the " +
        "renewal date, not renewed when it churned on that date or within 30 days after; monthly contracts are not renewals. " +
        "The metric's note says which outcomes were sent and which derived.";

    public const string Document =
        "CsBot's ingestion and read API. Every batch is a JSON array keyed by external ids: the same batch sent again " +
        "changes nothing, and with any invalid record nothing is written (422 naming index and field). " +
        MrrRule + " " + ChurnRule + " " + TermRule + " " + RenewalRule;
}
