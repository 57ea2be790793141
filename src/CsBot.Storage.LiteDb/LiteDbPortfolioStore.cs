using CsBot.Core.Accounts;
using CsBot.Core.Ports;
using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Accounts and their signals in three collections keyed by account id: "accounts" (one document per account),
/// "usage" (the account's whole usage series packed in one document) and "signals" (all its other signals in one
/// document). An account without usage or other signals has no document in that collection.
/// </summary>
public sealed class LiteDbPortfolioStore : IPortfolioStore
{
    /// <summary>Accounts read per round trip by <see cref="LoadAllSignals"/>: bounds memory while keeping queries few.</summary>
    internal const int LoadBatchSize = 1000;

    private readonly LiteDbContext _context;

    public LiteDbPortfolioStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<AccountDocument> Accounts => _context.Collection<AccountDocument>(LiteDbContext.Accounts);
    private ILiteCollection<UsageDocument> Usage => _context.Collection<UsageDocument>(LiteDbContext.Usage);
    private ILiteCollection<SignalsDocument> Signals => _context.Collection<SignalsDocument>(LiteDbContext.Signals);

    public bool IsEmpty() => !Accounts.Query().Exists();

    /// <summary>All accounts, ordered by id.</summary>
    public IReadOnlyList<Account> GetAccounts() => [.. Accounts.Query().OrderBy("$._id").ToEnumerable().Select(d => d.ToAccount())];

    public Account? GetAccount(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Accounts.FindById(accountId)?.ToAccount();
    }

    /// <summary>Uses the "external_id" index; external ids match exactly (binary collation).</summary>
    public Account? FindByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Accounts.FindOne(Query.EQ("$.ExternalId", externalId))?.ToAccount();
    }

    public AccountSignals? LoadSignals(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var gate = _context.PortfolioGate;
        gate.EnterReadLock();
        try
        {
            var account = Accounts.FindById(accountId);
            return account is null ? null : Assemble(account, Usage.FindById(accountId), Signals.FindById(accountId));
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// Every account with its signals, ordered by account id, read in batches of <see cref="LoadBatchSize"/> accounts
    /// with three range queries per batch. No database cursor or lock stays open while the caller handles an item, so
    /// the caller may write (e.g. save scores) while enumerating. Each account is read consistently; the portfolio as a
    /// whole is not a snapshot if a save commits between batches.
    /// </summary>
    public IEnumerable<AccountSignals> LoadAllSignals()
    {
        BsonValue after = BsonValue.MinValue;
        while (true)
        {
            var batch = LoadBatch(after);
            foreach (var signals in batch) yield return signals;
            if (batch.Count < LoadBatchSize) yield break;
            after = batch[^1].Account.Id;
        }
    }

    /// <summary>
    /// Upserts each account and replaces its usage and other signals, all in one transaction: if any entry fails
    /// (e.g. it has no account), nothing of this call is kept.
    /// </summary>
    public void Save(IReadOnlyCollection<AccountSignals> portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (portfolio.Count == 0) return;

        var gate = _context.PortfolioGate;
        gate.EnterWriteLock();
        try
        {
            _context.InTransaction(() =>
            {
                // Always in this order (accounts, usage, signals) so concurrent saves take collection locks in the same order.
                var accounts = Accounts;
                var usage = Usage;
                var signals = Signals;
                foreach (var entry in portfolio)
                {
                    var account = entry?.Account ?? throw new ArgumentException("Every portfolio entry needs an account.", nameof(portfolio));
                    if (string.IsNullOrEmpty(account.Id)) throw new ArgumentException("Every account needs an id.", nameof(portfolio));

                    accounts.Upsert(AccountDocument.From(account));

                    if (entry.Usage is { Length: > 0 } days) usage.Upsert(UsageDocument.From(account.Id, days));
                    else usage.Delete(account.Id);

                    if (SignalsDocument.HasAny(entry)) signals.Upsert(SignalsDocument.From(entry));
                    else signals.Delete(account.Id);
                }
            });
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private List<AccountSignals> LoadBatch(BsonValue after)
    {
        var gate = _context.PortfolioGate;
        gate.EnterReadLock();
        try
        {
            var accounts = Accounts.Query()
                .Where(BsonExpression.Create("$._id > @0", after))
                .OrderBy("$._id")
                .Limit(LoadBatchSize)
                .ToList();
            if (accounts.Count == 0) return [];

            var range = Query.Between("_id", accounts[0].Id, accounts[^1].Id);
            var usage = Usage.Find(range).ToDictionary(d => d.Id, StringComparer.Ordinal);
            var signals = Signals.Find(range).ToDictionary(d => d.Id, StringComparer.Ordinal);

            return [.. accounts.Select(a => Assemble(a, usage.GetValueOrDefault(a.Id), signals.GetValueOrDefault(a.Id)))];
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private static AccountSignals Assemble(AccountDocument account, UsageDocument? usage, SignalsDocument? signals)
    {
        var assembled = new AccountSignals { Account = account.ToAccount(), Usage = usage?.ToUsage() ?? [] };
        return signals?.AddTo(assembled) ?? assembled;
    }
}
