using CsBot.Core.Accounts;
using CsBot.Core.Ports;
using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Accounts and their signals in two collections keyed by account id: "accounts" (one document per account, indexed
/// for look-ups and read by listings) and "account_data" (<see cref="AccountDataDocument"/>: the account, its whole
/// usage series and all its other signals packed in one document, which is all that loading signals reads). Both are
/// written together in one transaction. A save that only adds or changes usage days writes them to the account's entry
/// in "usage_journal" instead of rewriting its data document (<see cref="UsageJournal"/>); every read applies it. Files
/// of the earlier layout, with usage and signals in collections of their own, are upgraded when opened
/// (<see cref="PortfolioLayoutUpgrade"/>).
/// </summary>
public sealed class LiteDbPortfolioStore : IPortfolioStore
{
    /// <summary>
    /// Accounts read per query by <see cref="LoadAllSignals"/>: as many as the evaluation takes per batch, so a batch read
    /// ahead is not held in two lists; a query costs far less than reading a hundred documents.
    /// </summary>
    internal const int LoadBatchSize = 100;

    private readonly LiteDbContext _context;

    public LiteDbPortfolioStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<AccountDocument> Accounts => _context.Collection<AccountDocument>(LiteDbContext.Accounts);
    private ILiteCollection<BsonDocument> Data => _context.Database.GetCollection(LiteDbContext.AccountData);

    public bool IsEmpty() => !Accounts.Query().Exists();

    /// <summary>All accounts, ordered by id, read a page at a time (<see cref="PagedReads"/>) so LiteDB's cache does not grow to hold them all.</summary>
    public IReadOnlyList<Account> GetAccounts() =>
        [.. PagedReads.All(_context.Database.GetCollection(LiteDbContext.Accounts)).Select(d => _context.Mapper.ToObject<AccountDocument>(d).ToAccount())];

    public Account? GetAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Accounts.FindById(accountId)?.ToAccount();
    }

    /// <summary>Uses the "external_id" index; external ids match exactly (binary collation).</summary>
    public Account? FindByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Accounts.FindOne(Filters.Equal("$.ExternalId", externalId))?.ToAccount();
    }

    /// <summary>
    /// One query on the "external_id" index for the whole batch; the filter's text is the same for every batch, so
    /// LiteDB parses and compiles it once, where a look-up per id parsed its text on every call.
    /// </summary>
    public IReadOnlyDictionary<string, Account> FindByExternalIds(IReadOnlyCollection<string> externalIds)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        var wanted = new HashSet<string>(externalIds, StringComparer.Ordinal);
        var found = new Dictionary<string, Account>(wanted.Count, StringComparer.Ordinal);
        if (wanted.Count == 0) return found;
        var values = new BsonArray(wanted.Select(id => new BsonValue(id)));
        foreach (var document in Accounts.Find(Filters.In("$.ExternalId", values)))
            // Kept only on an exact match, whatever the index's collation answers.
            if (document.ExternalId is { } externalId && wanted.Contains(externalId)) found.TryAdd(externalId, document.ToAccount());
        return found;
    }

    /// <summary>
    /// The ids of the accounts with these external ids, found by the external id each data document carries (the
    /// "external_id" index of "account_data"). The data documents read are kept for the <see cref="LoadSignalsOf"/> and
    /// <see cref="Save"/> of these accounts that an ingestion batch makes next (<see cref="RecentReads"/>), so the batch
    /// reads each account once rather than once to find it and again to merge into it. External ids not found that way
    /// (new accounts, data documents written before they carried one, an external id two accounts share) are looked up
    /// in "accounts" as <see cref="FindByExternalIds"/> does, which then decides.
    /// </summary>
    public IReadOnlyDictionary<string, string> FindIdsByExternalIds(IReadOnlyCollection<string> externalIds)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        var wanted = new HashSet<string>(externalIds, StringComparer.Ordinal);
        var found = new Dictionary<string, string>(wanted.Count, StringComparer.Ordinal);
        if (wanted.Count == 0) return found;

        var shared = new HashSet<string>(StringComparer.Ordinal);
        var gate = _context.PortfolioGate;
        gate.EnterReadLock();
        try
        {
            var recent = _context.RecentData;
            var version = recent.Version;
            var documents = new Dictionary<string, BsonDocument>(wanted.Count, StringComparer.Ordinal);
            foreach (var document in Data.Find(Filters.In(DataExternalIdUpgrade.IndexExpression, new BsonArray(wanted.Select(id => new BsonValue(id))))))
            {
                // The filter is the index's own expression, so LiteDB answers it from the index. Kept only on an exact
                // match, whatever the index's collation answers.
                if (AccountDataDocument.ExternalIdOf(document) is not { } externalId || !wanted.Contains(externalId)) continue;
                var id = document["_id"].AsString;
                documents[id] = document;
                if (!found.TryAdd(externalId, id)) shared.Add(externalId);
            }
            recent.Remember(version, documents);
        }
        finally
        {
            gate.ExitReadLock();
        }

        // Which of two accounts sharing an external id is found is the "accounts" index's to say, as everywhere else.
        foreach (var externalId in shared) found.Remove(externalId);
        if (found.Count < wanted.Count)
            foreach (var (externalId, id) in FindIdsInAccounts([.. wanted.Where(externalId => !found.ContainsKey(externalId))])) found[externalId] = id;
        return found;
    }

    /// <summary>
    /// As <see cref="FindByExternalIds"/>, reading only each document's id and external id: LiteDB then leaves the
    /// rest of the document unparsed, and no account is mapped.
    /// </summary>
    private Dictionary<string, string> FindIdsInAccounts(IReadOnlyCollection<string> externalIds)
    {
        var wanted = new HashSet<string>(externalIds, StringComparer.Ordinal);
        var found = new Dictionary<string, string>(wanted.Count, StringComparer.Ordinal);
        var values = new BsonArray(wanted.Select(id => new BsonValue(id)));
        var ids = _context.Database.GetCollection(LiteDbContext.Accounts).Query()
            .Where(Filters.In("$.ExternalId", values))
            .Select(IdAndExternalId);
        foreach (var document in ids.ToEnumerable())
            // Kept only on an exact match, whatever the index's collation answers; the first of equal ones, as FindByExternalIds keeps.
            if (document["e"] is { IsString: true } externalId && wanted.Contains(externalId.AsString)) found.TryAdd(externalId.AsString, document["i"].AsString);
        return found;
    }

    private const string IdAndExternalId = "{ i: $._id, e: $.ExternalId }";

    /// <summary>
    /// The data documents of these accounts read together (<see cref="KeyedReads"/>) rather than one seek and query each;
    /// those that <see cref="FindIdsByExternalIds"/> just read are taken as they are. They are kept for the save of these
    /// accounts that usually follows (an ingestion batch merges into what it read), so it need not read them again to
    /// compare (<see cref="RecentReads"/>).
    /// </summary>
    public IReadOnlyDictionary<string, AccountSignals> LoadSignalsOf(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var gate = _context.PortfolioGate;
        gate.EnterReadLock();
        try
        {
            var recent = _context.RecentData;
            var version = recent.Version;
            var unread = new List<string>();
            var documents = recent.Take(accountIds, unread);
            if (unread.Count > 0)
                foreach (var (id, document) in KeyedReads.ByIds(Data, unread)) documents[id] = document;
            recent.Remember(version, documents);
            var journaled = _context.UsageJournal.For(_context.Database, documents.Keys);
            return documents.ToDictionary(d => d.Key, d => AccountDataDocument.ToSignals(d.Value, journaled.GetValueOrDefault(d.Key)), StringComparer.Ordinal);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public AccountSignals? LoadSignals(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var gate = _context.PortfolioGate;
        gate.EnterReadLock();
        try
        {
            var data = Data.FindById(accountId);
            return data is null ? null : AccountDataDocument.ToSignals(data, _context.UsageJournal.For(_context.Database, [accountId]).GetValueOrDefault(accountId));
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// Every account with its signals, ordered by account id, read in batches of <see cref="LoadBatchSize"/> accounts
    /// with one range query per batch. No database cursor or lock stays open while the caller handles an item, so
    /// the caller may write (e.g. save scores) while enumerating. Each account is read consistently; the portfolio as a
    /// whole is not a snapshot if a save commits between batches.
    /// </summary>
    public IEnumerable<AccountSignals> LoadAllSignals() => LoadSignalsIn(AccountIdRange.All);

    /// <summary>
    /// Bounds every <paramref name="accountsEach"/>-th id, read from the _id index alone (LiteDB answers a query that
    /// selects only the indexed key without loading documents): about 100 ms for 100k accounts, against seconds to read
    /// them, so the evaluation can read several ranges at once.
    /// </summary>
    public IReadOnlyList<AccountIdRange> CutIntoRanges(int accountsEach)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accountsEach, 1);
        var bounds = new List<string>();
        var count = 0;
        foreach (var key in Data.Query().Select("$._id").ToEnumerable())
            if (++count % accountsEach == 0) bounds.Add(key["_id"].AsString);
        return AccountIdRange.Between(bounds);
    }

    /// <summary>As <see cref="LoadAllSignals"/>, for the accounts of <paramref name="range"/> only.</summary>
    public IEnumerable<AccountSignals> LoadSignalsIn(AccountIdRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        BsonValue after = range.After is null ? BsonValue.MinValue : new BsonValue(range.After);
        BsonValue through = range.Through is null ? BsonValue.MaxValue : new BsonValue(range.Through);
        UsageJournal.Window? journaled = null;
        var collation = _context.Database.Collation;
        while (true)
        {
            var batch = LoadBatch(after, through, ref journaled, collation);
            foreach (var signals in batch) yield return signals;
            if (batch.Count < LoadBatchSize) yield break;
            after = batch[^1].Account.Id;
        }
    }

    /// <summary>
    /// Upserts each account's document and its data document (account, usage and other signals), all in one
    /// transaction: if any entry fails (e.g. it has no account), nothing of this call is kept. Only what differs from
    /// the stored data document is written: an ingestion batch mostly changes an account's signals (a day of usage),
    /// not the account, and rewriting the account's indexed document was a third of what saving it cost. A data
    /// document of an earlier format is always rewritten, in the current one.
    /// </summary>
    public void Save(IReadOnlyCollection<AccountSignals> portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (portfolio.Count == 0) return;

        var documents = new List<(Account Account, UsageDay[] Usage, BsonDocument Data)>(portfolio.Count);
        foreach (var entry in portfolio)
        {
            var account = entry?.Account ?? throw new ArgumentException("Every portfolio entry needs an account.", nameof(portfolio));
            if (string.IsNullOrEmpty(account.Id)) throw new ArgumentException("Every account needs an id.", nameof(portfolio));
            documents.Add((account, entry.Usage, AccountDataDocument.WithoutUsage(entry)));
        }

        var gate = _context.PortfolioGate;
        gate.EnterWriteLock();
        try
        {
            // What is stored is read before the write transaction (inside it LiteDB reads every page for writing); the
            // write lock keeps other saves of this process out meanwhile, and the file belongs to this process alone.
            var data = Data;
            // The documents a read of these accounts just returned are taken as they are (an ingestion batch read them
            // to merge into); the rest read together (KeyedReads): a seek and query per account cost more than the
            // comparison saves.
            var recent = _context.RecentData;
            var unread = new List<string>();
            var found = recent.Take(documents.Select(d => d.Account.Id), unread);
            if (unread.Count > 0)
                foreach (var (id, document) in KeyedReads.ByIds(data, unread)) found[id] = document;
            var stored = new Dictionary<string, BsonDocument?>(documents.Count, StringComparer.Ordinal);
            foreach (var (account, _, _) in documents) stored.TryAdd(account.Id, found.GetValueOrDefault(account.Id));
            var journaled = _context.UsageJournal.For(_context.Database, stored.Keys);

            try
            {
                WriteChanged(documents, stored, journaled, data);
            }
            finally
            {
                recent.Written(stored.Keys);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Writes what differs from <paramref name="stored"/> with <paramref name="journaled"/> applied, in one transaction:
    /// usage days alone to the usage journal where they fit in an entry (<see cref="UsageJournal"/>), anything else as the
    /// whole data document, which then takes the account's entry out.
    /// </summary>
    private void WriteChanged(
        List<(Account Account, UsageDay[] Usage, BsonDocument Data)> documents,
        Dictionary<string, BsonDocument?> stored,
        Dictionary<string, UsageDay[]> journaled,
        ILiteCollection<BsonDocument> data)
    {
        var journal = _context.UsageJournal;
        var database = _context.Database;
        var room = journal.MaxEntries - journal.Count(database);
        var added = 0;
        var removed = 0;
        // The account's entry goes: its days are in the document now, or the document holds them all.
        void TakeOut(string accountId)
        {
            journal.Delete(database, [accountId]);
            journaled.Remove(accountId);
            removed++;
        }

        try
        {
            _context.InTransaction(() =>
            {
                // Always in this order (accounts, then their data) so concurrent saves take collection locks in the same order.
                var accounts = Accounts;
                foreach (var (account, usage, withoutUsage) in documents)
                {
                    var before = stored[account.Id];
                    var entry = journaled.GetValueOrDefault(account.Id);
                    if (before is not null && (entry is not null || added - removed < room) && AccountDataDocument.SameButUsage(before, withoutUsage) &&
                        UsageJournal.Difference(AccountDataDocument.UsageOf(before), usage) is { } days && days.Length <= journal.DaysHeldFor(account.Id))
                    {
                        if (days.Length == 0 && entry is not null)
                        {
                            TakeOut(account.Id);
                        }
                        else if (days.Length > 0 && (entry is null || !entry.AsSpan().SequenceEqual(days)))
                        {
                            journal.Write(database, account.Id, days, isNew: entry is null);
                            journaled[account.Id] = days;
                            if (entry is null) added++;
                        }
                        continue;
                    }

                    var document = AccountDataDocument.WithUsage(withoutUsage, usage);
                    var sameAccount = before is not null && AccountDataDocument.SameField(before, document, AccountDataDocument.AccountField);
                    if (entry is null && sameAccount && AccountDataDocument.SameContent(before!, document)) continue;
                    if (!sameAccount) accounts.Upsert(AccountDocument.From(account));
                    GrowthRoom.Write(data, before, document);
                    // The same account may come twice in one call: the second compares with the first.
                    stored[account.Id] = document;
                    if (entry is not null) TakeOut(account.Id);
                }
            });
            journal.Added(added);
            journal.Removed(removed);
        }
        catch
        {
            journal.Recount();
            throw;
        }
    }

    /// <summary>
    /// Up to <see cref="LoadBatchSize"/> accounts after <paramref name="after"/> up to and including
    /// <paramref name="through"/>, in id order, read by one range query (<see cref="PagedReads.Page"/>).
    /// </summary>
    /// <param name="journaled">The usage journal's entries read with an earlier batch: used while they cover this one, else read again from it.</param>
    private List<AccountSignals> LoadBatch(BsonValue after, BsonValue through, ref UsageJournal.Window? journaled, Collation collation)
    {
        var gate = _context.PortfolioGate;
        gate.EnterReadLock();
        try
        {
            var page = PagedReads.Page(Data, after, through, LoadBatchSize);
            if (page.Count == 0) return [];
            // The version of the account data's writes, which no save changes while the gate is held.
            var version = _context.RecentData.Version;
            if (!UsageJournal.Covers(journaled, page[^1]["_id"], version, collation))
                journaled = _context.UsageJournal.WindowAfter(_context.Database, after, through, version);
            var entries = journaled.Entries;
            return page.ConvertAll(document => AccountDataDocument.ToSignals(document, entries.GetValueOrDefault(document["_id"].AsString)));
        }
        finally
        {
            gate.ExitReadLock();
        }
    }
}
