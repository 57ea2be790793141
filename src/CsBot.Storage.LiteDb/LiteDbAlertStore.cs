using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>Alerts in "alerts", one document per alert keyed by its id (account:rule), indexed on AccountId.</summary>
public sealed class LiteDbAlertStore : IAlertStore
{
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

    /// <summary>The alerts with these ids, read along the _id index together (<see cref="KeyedReads"/>) instead of one query each.</summary>
    public IReadOnlyDictionary<string, Alert> GetMany(IReadOnlyCollection<string> alertIds)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        return KeyedReads.ByIds(_context.Database.GetCollection(LiteDbContext.Alerts), alertIds)
            .ToDictionary(p => p.Key, p => _context.Mapper.ToObject<AlertDocument>(p.Value).ToAlert(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Alerts in any state but Resolved, ordered by id. Read along the _id index a page at a time (<see cref="PagedReads"/>),
    /// so LiteDB's cache does not grow to hold them all, and only the open ones mapped. Resolved alerts are read too, but
    /// there is one document per account and rule, so they stay as many as the open ones at most a few times over.
    /// </summary>
    public IReadOnlyList<Alert> GetOpen()
    {
        var resolved = AlertState.Resolved.ToString();
        return [.. PagedReads.All(_context.Database.GetCollection(LiteDbContext.Alerts))
            .Where(d => d[nameof(AlertDocument.State)].AsString != resolved)
            .Select(d => _context.Mapper.ToObject<AlertDocument>(d).ToAlert())
            .OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>The account's alerts in every state, ordered by id; served by the AccountId index.</summary>
    public IReadOnlyList<Alert> GetForAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return [.. Alerts.Find(Filters.Equal("$." + nameof(AlertDocument.AccountId), accountId)).Select(d => d.ToAlert()).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The accounts' open alerts, ordered by id: one query on the AccountId index for them all. Read as raw documents
    /// and only the open ones mapped: an account keeps its resolved alerts, and mapping them was most of the read. The
    /// state is not part of the query: the collection has no index on it, and reading every open alert would cost more.
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

    /// <summary>
    /// Every alert is checked before any is written, so a bad one leaves the store as it was. They are then written
    /// <see cref="WriteSize"/> to a transaction: LiteDB holds every page a transaction has written in its cache until the
    /// commit, and its cache never gives memory back; a day's first evaluation at 100k accounts rewrites some 40k alerts
    /// (their reasons count days), which in one transaction grew the cache by 200 MB for the life of the process.
    /// </summary>
    public void Upsert(IReadOnlyCollection<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0) return;
        foreach (var alert in alerts)
        {
            if (alert is null) throw new ArgumentException("Alerts must not contain null.", nameof(alerts));
            if (string.IsNullOrEmpty(alert.Id)) throw new ArgumentException("Every alert needs an id.", nameof(alerts));
        }

        foreach (var part in alerts.Chunk(WriteSize))
        {
            _context.InTransaction(() =>
            {
                var collection = Alerts;
                foreach (var alert in part) collection.Upsert(AlertDocument.From(alert));
            });
        }
    }

    /// <summary>Alerts written per transaction by <see cref="Upsert"/>.</summary>
    internal const int WriteSize = 1_000;
}
