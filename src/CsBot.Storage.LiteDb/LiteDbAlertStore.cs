using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>Alerts in "alerts", one document per alert keyed by its id (account:rule), indexed on AccountId and State.</summary>
public sealed class LiteDbAlertStore : IAlertStore
{
    private static readonly BsonArray OpenStates =
        [.. Enum.GetValues<AlertState>().Where(s => s != AlertState.Resolved).Select(s => new BsonValue(s.ToString()))];

    private readonly LiteDbContext _context;

    public LiteDbAlertStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<AlertDocument> Alerts => _context.Collection<AlertDocument>(LiteDbContext.Alerts);

    public Alert? Get(string alertId)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return Alerts.FindById(alertId)?.ToAlert();
    }

    /// <summary>Alerts in any state but Resolved, ordered by id; served by the State index.</summary>
    public IReadOnlyList<Alert> GetOpen() =>
        [.. Alerts.Find(Query.In(nameof(AlertDocument.State), OpenStates)).Select(d => d.ToAlert()).OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>The account's alerts in every state, ordered by id; served by the AccountId index.</summary>
    public IReadOnlyList<Alert> GetForAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return [.. Alerts.Find(Filters.Equal("$." + nameof(AlertDocument.AccountId), accountId)).Select(d => d.ToAlert()).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The accounts' open alerts, ordered by id: one query on the AccountId index for them all. Read as raw documents
    /// and only the open ones mapped: an account keeps its resolved alerts, and mapping them was most of the read. The
    /// state is not part of the query, where LiteDB could pick the State index and read every open alert instead.
    /// </summary>
    public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var wanted = new HashSet<string>(accountIds, StringComparer.Ordinal);
        if (wanted.Count == 0) return [];
        var values = new BsonArray(wanted.Select(id => new BsonValue(id)));
        var resolved = AlertState.Resolved.ToString();
        return [.. _context.Database.GetCollection(LiteDbContext.Alerts).Find(Filters.In("$." + nameof(AlertDocument.AccountId), values))
            .Where(d => d[nameof(AlertDocument.State)].AsString != resolved && wanted.Contains(d[nameof(AlertDocument.AccountId)].AsString))
            .Select(d => _context.Mapper.ToObject<AlertDocument>(d).ToAlert())
            .OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    public void Upsert(IReadOnlyCollection<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0) return;

        _context.InTransaction(() =>
        {
            var collection = Alerts;
            foreach (var alert in alerts)
            {
                if (alert is null) throw new ArgumentException("Alerts must not contain null.", nameof(alerts));
                if (string.IsNullOrEmpty(alert.Id)) throw new ArgumentException("Every alert needs an id.", nameof(alerts));
                collection.Upsert(AlertDocument.From(alert));
            }
        });
    }
}
