using CsBot.Core.Accounts;
using CsBot.Core.Ports;
using CsBot.Core.Signals;
using Npgsql;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Accounts and their signals in table "accounts", one row per account: the account as JSON, its usage packed
/// (<see cref="UsageBlob"/>) and its other signals as JSON. A row is read whole, so an account and its signals are
/// always from the same save, whichever instance saved them.
/// </summary>
public sealed class PostgreSqlPortfolioStore(PostgreSqlDatabase database) : IPortfolioStore
{
    /// <summary>Accounts read per round trip by <see cref="LoadAllSignals"/>: bounds memory while keeping queries few.</summary>
    internal const int LoadBatchSize = 1000;

    private const string Columns = "account_json, usage, signals_json";

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public bool IsEmpty() => _database.With(c => Sql.Scalar(c, null, "SELECT NOT EXISTS (SELECT 1 FROM accounts)") is true);

    /// <summary>All accounts, ordered by id.</summary>
    public IReadOnlyList<Account> GetAccounts() =>
        _database.With(c => Sql.Rows(c, null, "SELECT account_json FROM accounts ORDER BY id", r => StoredJson.Read<Account>(r.Utf8(0))));

    public Account? GetAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.With(c => Sql.Scalar(c, null, "SELECT account_json FROM accounts WHERE id = @id", ("id", accountId))) is string json
            ? StoredJson.Read<Account>(json)
            : null;
    }

    public Account? FindByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        // Ids are not unique across accounts in every CRM export; the lowest account id wins, as a stable choice.
        return _database.With(c => Sql.Scalar(c, null, "SELECT account_json FROM accounts WHERE external_id = @external ORDER BY id LIMIT 1", ("external", externalId))) is string json
            ? StoredJson.Read<Account>(json)
            : null;
    }

    public AccountSignals? LoadSignals(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.With(c => Sql.Rows(c, null, $"SELECT {Columns} FROM accounts WHERE id = @id", Assemble, ("id", accountId))).SingleOrDefault();
    }

    /// <summary>
    /// The accounts with these external ids in one statement (an ingestion batch's look-up), the lowest account id per
    /// external id as <see cref="FindByExternalId"/> chooses; ids compare byte-wise (the column is COLLATE "C").
    /// </summary>
    public IReadOnlyDictionary<string, Account> FindByExternalIds(IReadOnlyCollection<string> externalIds) =>
        ByExternalIds(externalIds, "account_json", r => StoredJson.Read<Account>(r.Utf8(1)));

    /// <summary>As <see cref="FindByExternalIds"/>, reading the account ids only, not the accounts' JSON.</summary>
    public IReadOnlyDictionary<string, string> FindIdsByExternalIds(IReadOnlyCollection<string> externalIds) =>
        ByExternalIds(externalIds, "id", r => r.GetString(1));

    /// <summary>One statement for a batch of external ids: <paramref name="column"/> of the lowest account id per external id.</summary>
    private Dictionary<string, T> ByExternalIds<T>(IReadOnlyCollection<string> externalIds, string column, Func<Npgsql.NpgsqlDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        var wanted = externalIds.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return new Dictionary<string, T>(StringComparer.Ordinal);
        var rows = _database.With(c => Sql.Rows(c, null, $"""
            SELECT DISTINCT ON (external_id) external_id, {column} FROM accounts
            WHERE external_id = ANY(@externals) ORDER BY external_id, id
            """, r => (External: r.GetString(0), Value: read(r)), ("externals", wanted)));
        return rows.ToDictionary(row => row.External, row => row.Value, StringComparer.Ordinal);
    }

    /// <summary>The signals of these accounts in one statement, keyed by account id; unknown ids are left out.</summary>
    public IReadOnlyDictionary<string, AccountSignals> LoadSignalsOf(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var wanted = accountIds.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return new Dictionary<string, AccountSignals>(StringComparer.Ordinal);
        var rows = _database.With(c => Sql.Rows(c, null, $"SELECT {Columns} FROM accounts WHERE id = ANY(@ids)", Assemble, ("ids", wanted)));
        return rows.ToDictionary(row => row.Account.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every account with its signals, ordered by account id, read in batches of <see cref="LoadBatchSize"/> by key
    /// (id greater than the last one read). No connection stays open while the caller handles an item, so the caller
    /// may write meanwhile; each account is read consistently, the portfolio as a whole is not a snapshot.
    /// </summary>
    public IEnumerable<AccountSignals> LoadAllSignals()
    {
        string? after = null;
        while (true)
        {
            var batch = _database.With(c => after is null
                ? Sql.Rows(c, null, $"SELECT {Columns} FROM accounts ORDER BY id LIMIT {LoadBatchSize}", Assemble)
                : Sql.Rows(c, null, $"SELECT {Columns} FROM accounts WHERE id > @after ORDER BY id LIMIT {LoadBatchSize}", Assemble, ("after", after)));
            foreach (var signals in batch) yield return signals;
            if (batch.Count < LoadBatchSize) yield break;
            after = batch[^1].Account.Id;
        }
    }

    /// <summary>Upserts every account with its signals in one transaction: if any entry fails, nothing of this call is kept.</summary>
    public void Save(IReadOnlyCollection<AccountSignals> portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (portfolio.Count == 0) return;

        var ids = new string[portfolio.Count];
        var externals = new string[portfolio.Count];
        var accounts = new string[portfolio.Count];
        var usage = new byte[]?[portfolio.Count];
        var signals = new string?[portfolio.Count];
        var at = 0;
        foreach (var entry in portfolio)
        {
            var account = entry?.Account ?? throw new ArgumentException("Every portfolio entry needs an account.", nameof(portfolio));
            if (string.IsNullOrEmpty(account.Id)) throw new ArgumentException("Every account needs an id.", nameof(portfolio));
            ids[at] = account.Id;
            externals[at] = account.ExternalId;
            accounts[at] = StoredJson.Write(account);
            usage[at] = entry.Usage is { Length: > 0 } days ? UsageBlob.Pack(days) : null;
            signals[at] = SignalsJson.HasAny(entry) ? StoredJson.Write(SignalsJson.From(entry)) : null;
            at++;
        }

        // One statement for the whole batch. An account given twice in one call keeps its last entry, as it would
        // had the entries been saved one after another.
        _database.InTransaction((c, t) =>
        {
            Sql.Execute(c, t, """
            INSERT INTO accounts (id, external_id, account_json, usage, signals_json, updated_at)
            SELECT DISTINCT ON (id) id, external_id, account_json, usage, signals_json, now()
            FROM unnest(@ids, @externals, @accounts, @usage, @signals) WITH ORDINALITY AS given(id, external_id, account_json, usage, signals_json, n)
            ORDER BY id, n DESC
            ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id, account_json = excluded.account_json,
                usage = excluded.usage, signals_json = excluded.signals_json, updated_at = excluded.updated_at
            """,
            ("ids", ids), ("externals", externals), ("accounts", accounts), ("usage", usage), ("signals", signals));
            DataChangeRecorder.Record(c, t, _database.InstanceId, DataChangeKind.Portfolio, ids);
        });
    }

    private static AccountSignals Assemble(NpgsqlDataReader reader)
    {
        var assembled = new AccountSignals
        {
            Account = StoredJson.Read<Account>(reader.Utf8(0)),
            Usage = reader.IsDBNull(1) ? [] : UsageBlob.Unpack(reader.GetFieldValue<byte[]>(1)),
        };
        return reader.IsDBNull(2) ? assembled : StoredJson.Read<SignalsJson>(reader.Utf8(2)).AddTo(assembled);
    }
}

/// <summary>An account's signals other than usage, as stored in accounts.signals_json.</summary>
internal sealed class SignalsJson
{
    public List<SupportTicket> Tickets { get; set; } = [];
    public List<SurveyResponse> Surveys { get; set; } = [];
    public List<Invoice> Invoices { get; set; } = [];
    public List<RevenueEvent> RevenueEvents { get; set; } = [];
    public List<RenewalOutcome> RenewalOutcomes { get; set; } = [];

    public static bool HasAny(AccountSignals s) =>
        s.Tickets.Count > 0 || s.Surveys.Count > 0 || s.Invoices.Count > 0 || s.RevenueEvents.Count > 0 || s.RenewalOutcomes.Count > 0;

    public static SignalsJson From(AccountSignals s) => new()
    {
        Tickets = [.. s.Tickets], Surveys = [.. s.Surveys], Invoices = [.. s.Invoices], RevenueEvents = [.. s.RevenueEvents], RenewalOutcomes = [.. s.RenewalOutcomes],
    };

    public AccountSignals AddTo(AccountSignals s) => s with
    {
        Tickets = Tickets, Surveys = Surveys, Invoices = Invoices, RevenueEvents = RevenueEvents, RenewalOutcomes = RenewalOutcomes,
    };
}
