using CsBot.Core.Alerts;
using CsBot.Core.Ports;

namespace CsBot.Storage.PostgreSql;

/// <summary>Alerts in "alerts", one row per alert keyed by its id (account:rule), with the whole alert, history included, as JSON.</summary>
public sealed class PostgreSqlAlertStore(PostgreSqlDatabase database) : IAlertStore
{
    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public Alert? Get(string alertId)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return _database.With(c => Sql.Scalar(c, null, "SELECT alert_json FROM alerts WHERE id = @id", ("id", alertId))) is string json
            ? StoredJson.Read<Alert>(json)
            : null;
    }

    /// <summary>The alerts with these ids, in one query on the primary key.</summary>
    public IReadOnlyDictionary<string, Alert> GetMany(IReadOnlyCollection<string> alertIds)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        var wanted = alertIds.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return new Dictionary<string, Alert>(StringComparer.Ordinal);
        return _database.With(c => Sql.Rows(c, null, "SELECT alert_json FROM alerts WHERE id = ANY(@ids)", r => StoredJson.Read<Alert>(r.Utf8(0)), ("ids", wanted)))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    /// <summary>Alerts in any state but Resolved, ordered by id; served by the partial index of open alerts.</summary>
    public IReadOnlyList<Alert> GetOpen() =>
        _database.With(c => Sql.Rows(c, null, $"SELECT alert_json FROM alerts WHERE state <> '{nameof(AlertState.Resolved)}' ORDER BY id", r => StoredJson.Read<Alert>(r.Utf8(0))));

    /// <summary>The account's alerts in every state, ordered by id.</summary>
    public IReadOnlyList<Alert> GetForAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return _database.With(c => Sql.Rows(c, null, "SELECT alert_json FROM alerts WHERE account_id = @account ORDER BY id",
            r => StoredJson.Read<Alert>(r.Utf8(0)), ("account", accountId)));
    }

    /// <summary>The open alerts of these accounts in one statement (an ingestion batch's rescoring), ordered by id.</summary>
    public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var wanted = accountIds.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return [];
        return _database.With(c => Sql.Rows(c, null,
            $"SELECT alert_json FROM alerts WHERE account_id = ANY(@accounts) AND state <> '{nameof(AlertState.Resolved)}' ORDER BY id",
            r => StoredJson.Read<Alert>(r.Utf8(0)), ("accounts", wanted)));
    }

    /// <summary>Inserts or replaces the alerts by id in one statement, so all are written or none; a later alert of the same id in the call wins.</summary>
    public void Upsert(IReadOnlyCollection<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0) return;
        foreach (var alert in alerts)
        {
            if (alert is null) throw new ArgumentException("Alerts must not contain null.", nameof(alerts));
            if (string.IsNullOrEmpty(alert.Id)) throw new ArgumentException("Every alert needs an id.", nameof(alerts));
        }
        _database.InTransaction((c, t) =>
        {
            Sql.Execute(c, t, """
            INSERT INTO alerts (id, account_id, state, alert_json)
            SELECT DISTINCT ON (id) id, account_id, state, alert_json
            FROM unnest(@ids, @accounts, @states, @json) WITH ORDINALITY AS given(id, account_id, state, alert_json, n)
            ORDER BY id, n DESC
            ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, state = excluded.state, alert_json = excluded.alert_json
            """,
            ("ids", alerts.Select(a => a.Id).ToArray()),
            ("accounts", alerts.Select(a => a.AccountId).ToArray()),
            ("states", alerts.Select(a => a.State.ToString()).ToArray()),
            ("json", alerts.Select(StoredJson.Write).ToArray()));
            DataChangeRecorder.Record(c, t, _database.InstanceId, DataChangeKind.Alerts, alerts.Select(a => a.AccountId));
        });
    }
}
