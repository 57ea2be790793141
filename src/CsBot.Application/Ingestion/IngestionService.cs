using CsBot.Application.Ingestion.Records;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Signals;

namespace CsBot.Application.Ingestion;

/// <summary>
/// Bulk upserts of accounts and their signals, keyed by external ids so sending the same batch twice changes
/// nothing. A batch is checked whole first; with any invalid record nothing is written (unless the caller asks to
/// skip invalid records). Valid records are merged into the stored <see cref="AccountSignals"/> and saved in one
/// transaction. Batches are applied one at a time, so two concurrent merges into one account cannot lose updates.
/// </summary>
public sealed class IngestionService(IPortfolioStore store, MetricsOptions metrics, BusinessClock clock)
{
    private readonly Lock _gate = new();

    public IngestResult UpsertAccounts(IReadOnlyList<AccountRecord> records, bool skipInvalid = false)
    {
        lock (_gate)
        {
            var errors = new List<RecordError>();
            var valid = new List<Account>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < records.Count; i++)
            {
                var e = new RecordErrors(errors, i);
                var account = records[i] is { } record ? AccountRecordMapper.Map(record, e, metrics.Currency) : Null(e);
                if (account is not null && !seen.TryAdd(account.ExternalId, i))
                    e.Add("externalId", $"'{account.ExternalId}' is also record {seen[account.ExternalId]} of this batch; send each account once");
                if (!e.Any && account is not null) valid.Add(account);
            }
            if (errors.Count > 0 && !skipInvalid) return IngestResult.Invalid(errors);

            // The batch's accounts and then the signals of those it may change, each in one read of the store.
            var stored = store.FindByExternalIds([.. valid.Select(a => a.ExternalId)]);
            var needed = new List<string>();
            foreach (var incoming in valid)
                if (stored.GetValueOrDefault(incoming.ExternalId) is { } existing && NeedsSignals(existing, incoming)) needed.Add(existing.Id);
            var signalsOf = store.LoadSignalsOf(needed);

            int inserted = 0, updated = 0, unchanged = 0;
            var toSave = new List<AccountSignals>();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var incoming in valid)
            {
                var existing = stored.GetValueOrDefault(incoming.ExternalId);
                if (existing is null)
                {
                    var created = incoming with { Id = NewAccountId(incoming.ExternalId, taken) };
                    toSave.Add(new AccountSignals { Account = created });
                    inserted++;
                    continue;
                }
                var merged = incoming with { Id = existing.Id };
                var signals = signalsOf.GetValueOrDefault(existing.Id);
                // The CRM does not send churnedOn: keep the one the account's churn events set (AccountFacts).
                if (merged.ChurnedOn is null && existing.ChurnedOn is not null && signals is not null)
                    merged = AccountFacts.WithChurnFromEvents(merged, signals.RevenueEvents);
                if (AccountRecordMapper.Same(existing, merged))
                {
                    unchanged++;
                    continue;
                }
                signals ??= new AccountSignals { Account = existing };
                toSave.Add(signals with { Account = merged });
                updated++;
            }
            store.Save(toSave);
            return new IngestResult(inserted, updated, unchanged, errors, [.. toSave.Select(s => s.Account.Id)]) { Warnings = MrrWarnings(toSave), Saved = toSave };
        }
    }

    /// <summary>Whether merging a record into a stored account reads its signals: to keep its churn date, or because the record changes it.</summary>
    private static bool NeedsSignals(Account existing, Account incoming) =>
        (incoming.ChurnedOn is null && existing.ChurnedOn is not null) || !AccountRecordMapper.Same(existing, incoming with { Id = existing.Id });

    public IngestResult UpsertUsage(IReadOnlyList<UsageRecord> records, bool skipInvalid = false)
    {
        var today = clock.Today;
        // UsageDay is a struct; it is boxed in a one-field record so the shared merge can treat "no value" as null.
        return Upsert(records, r => r.AccountExternalId, (r, e, id) => SignalRecordMappers.Usage(r, e, id, today) is { } day ? new Boxed<UsageDay>(day) : null,
            u => u.Value.Date.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "date",
            s => [.. s.Usage.Select(u => new Boxed<UsageDay>(u))], (s, list) => s with { Usage = [.. list.Select(b => b.Value).OrderBy(u => u.Date)] }, skipInvalid,
            merge: (s, incoming) => UsageMerge.Into(s.Usage, incoming.Select(b => b.Value), out var inserted, out var updated, out var unchanged) is { } usage
                ? (inserted + updated > 0 ? s with { Usage = usage } : null, inserted, updated, unchanged)
                : null);
    }

    public IngestResult UpsertTickets(IReadOnlyList<TicketRecord> records, bool skipInvalid = false) =>
        Upsert(records, r => r.AccountExternalId, SignalRecordMappers.Ticket, t => t.Id, "externalId",
            s => s.Tickets, (s, list) => s with { Tickets = list }, skipInvalid);

    public IngestResult UpsertSurveys(IReadOnlyList<SurveyRecord> records, bool skipInvalid = false) =>
        Upsert(records, r => r.AccountExternalId, SignalRecordMappers.Survey, t => t.Id, "externalId",
            s => s.Surveys, (s, list) => s with { Surveys = list }, skipInvalid);

    public IngestResult UpsertInvoices(IReadOnlyList<InvoiceRecord> records, bool skipInvalid = false) =>
        Upsert(records, r => r.AccountExternalId, (r, e, id) => SignalRecordMappers.Invoice(r, e, id, metrics.Currency), t => t.Id, "externalId",
            s => s.Invoices, (s, list) => s with { Invoices = list }, skipInvalid);

    /// <summary>Revenue events; a churn event sets the account's churnedOn when the CRM did not (<see cref="AccountFacts"/>).</summary>
    public IngestResult UpsertRevenueEvents(IReadOnlyList<RevenueEventRecord> records, bool skipInvalid = false) =>
        Upsert(records, r => r.AccountExternalId, (r, e, id) => SignalRecordMappers.Revenue(r, e, id, metrics.Currency), t => t.Id, "externalId",
            s => s.RevenueEvents, (s, list) => s with { RevenueEvents = list, Account = AccountFacts.WithChurnFromEvents(s.Account, list) }, skipInvalid,
            MrrWarnings);

    /// <summary>Renewal outcomes, keyed by account and renewal date: sending one again for the same date replaces it.</summary>
    public IngestResult UpsertRenewalOutcomes(IReadOnlyList<RenewalOutcomeRecord> records, bool skipInvalid = false) =>
        Upsert(records, r => r.AccountExternalId, (r, e, id) => SignalRecordMappers.Renewal(r, e, id, metrics.Currency), o => SignalRecordMappers.KeyOf(o.RenewalDate), "renewalDate",
            s => s.RenewalOutcomes, (s, list) => s with { RenewalOutcomes = [.. list.OrderBy(o => o.RenewalDate)] }, skipInvalid);

    private List<RecordWarning> MrrWarnings(IEnumerable<AccountSignals> saved)
    {
        var today = clock.Today;
        return [.. saved.Select(s => AccountFacts.MrrMismatch(s, today, metrics.Currency)).OfType<RecordWarning>()];
    }

    /// <summary>
    /// The shared merge of signal records: resolve each record's account, check it, reject duplicates of a key within
    /// the batch, then insert, replace or leave each signal by its key within its account.
    /// </summary>
    /// <param name="merge">
    /// A merge of one account's incoming signals that knows its signals' order (usage, <see cref="UsageMerge"/>): the
    /// account's signals with them merged in (null when nothing changed) and what each did, or null to merge by key here.
    /// </param>
    private IngestResult Upsert<TRecord, TSignal>(
        IReadOnlyList<TRecord> records,
        Func<TRecord, string?> accountOf,
        Func<TRecord, RecordErrors, string, TSignal?> map,
        Func<TSignal, string> keyOf,
        string keyField,
        Func<AccountSignals, IReadOnlyList<TSignal>> get,
        Func<AccountSignals, IReadOnlyList<TSignal>, AccountSignals> set,
        bool skipInvalid,
        Func<IEnumerable<AccountSignals>, List<RecordWarning>>? warn = null,
        Func<AccountSignals, List<TSignal>, (AccountSignals? Changed, int Inserted, int Updated, int Unchanged)?>? merge = null)
        where TRecord : class
        where TSignal : class
    {
        lock (_gate)
        {
            var errors = new List<RecordError>();
            var accounts = Resolve(records, accountOf);
            var byAccount = new Dictionary<string, List<TSignal>>(StringComparer.Ordinal);
            var seen = new Dictionary<(string, string), int>();
            for (var i = 0; i < records.Count; i++)
            {
                var e = new RecordErrors(errors, i);
                if (records[i] is not { } record)
                {
                    Null(e);
                    continue;
                }
                var accountId = ResolveAccount(accountOf(record), e, accounts);
                var signal = map(record, e, accountId ?? "");
                if (accountId is null || signal is null || e.Any) continue;
                var key = keyOf(signal);
                if (!seen.TryAdd((accountId, key), i))
                {
                    e.Add(keyField, $"duplicates record {seen[(accountId, key)]} of this batch; send each one once");
                    continue;
                }
                if (!byAccount.TryGetValue(accountId, out var list)) byAccount[accountId] = list = [];
                list.Add(signal);
            }
            if (errors.Count > 0 && !skipInvalid) return IngestResult.Invalid(errors);

            int inserted = 0, updated = 0, unchanged = 0;
            var toSave = new List<AccountSignals>();
            // The signals of every account the batch names, in one read rather than one per account.
            var stored = store.LoadSignalsOf(byAccount.Keys);
            foreach (var (accountId, incoming) in byAccount)
            {
                var signals = stored.GetValueOrDefault(accountId) ?? throw new InvalidOperationException($"Account {accountId} disappeared during ingestion.");
                if (merge?.Invoke(signals, incoming) is { } done)
                {
                    (inserted, updated, unchanged) = (inserted + done.Inserted, updated + done.Updated, unchanged + done.Unchanged);
                    if (done.Changed is { } changedSignals) toSave.Add(changedSignals);
                    continue;
                }
                var merged = get(signals).ToList();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var j = 0; j < merged.Count; j++) index.TryAdd(keyOf(merged[j]), j);
                var changed = false;
                foreach (var signal in incoming)
                {
                    if (!index.TryGetValue(keyOf(signal), out var at))
                    {
                        index[keyOf(signal)] = merged.Count;
                        merged.Add(signal);
                        inserted++;
                        changed = true;
                    }
                    else if (EqualityComparer<TSignal>.Default.Equals(merged[at], signal)) unchanged++;
                    else
                    {
                        merged[at] = signal;
                        updated++;
                        changed = true;
                    }
                }
                if (changed) toSave.Add(set(signals, merged));
            }
            store.Save(toSave);
            return new IngestResult(inserted, updated, unchanged, errors, [.. toSave.Select(s => s.Account.Id)]) { Warnings = warn?.Invoke(toSave) ?? [], Saved = toSave };
        }
    }

    /// <summary>
    /// The ids of the accounts the records name, by external id as <see cref="ResolveAccount"/> looks them up (trimmed),
    /// found in one read; names with no account map to null. Only the ids: the signals to merge into, read next, hold
    /// the accounts.
    /// </summary>
    private Dictionary<string, string?> Resolve<TRecord>(IReadOnlyList<TRecord> records, Func<TRecord, string?> accountOf) where TRecord : class
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
            if (record is not null && accountOf(record) is { } name && !string.IsNullOrWhiteSpace(name)) names.Add(name.Trim());
        var found = store.FindIdsByExternalIds(names);
        return names.ToDictionary(n => n, n => found.GetValueOrDefault(n), StringComparer.Ordinal);
    }

    /// <summary>The id of the account the record names, or null with the record's error.</summary>
    private string? ResolveAccount(string? externalId, RecordErrors errors, Dictionary<string, string?> cache)
    {
        var id = errors.Required(externalId, "accountExternalId", FieldLimits.ExternalId);
        if (id is null) return null;
        if (!cache.TryGetValue(id, out var account)) cache[id] = account = store.FindByExternalId(id)?.Id;
        if (account is null) errors.Add("accountExternalId", $"no account has external id '{id}'; send the account first (POST /api/v1/accounts or import accounts)");
        return account;
    }

    private sealed record Boxed<T>(T Value) where T : struct;

    private static Account? Null(RecordErrors errors)
    {
        errors.Add("", "is null; send a JSON object");
        return null;
    }

    /// <summary>"acc-" and the external id as a slug, made unique against stored accounts and this batch.</summary>
    private string NewAccountId(string externalId, HashSet<string> taken)
    {
        var slug = new string([.. externalId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        var stem = "acc-" + (slug.Length == 0 ? "x" : slug[..Math.Min(slug.Length, 60)]);
        var id = stem;
        for (var n = 2; taken.Contains(id) || store.GetAccount(id) is not null; n++) id = $"{stem}-{n}";
        taken.Add(id);
        return id;
    }
}
