using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Writes accounts as files of the earlier layout hold them: the account in "accounts", its usage in "usage" and its
/// other signals in "signals" (packed, or as nested documents when <paramref name="nestedSignals"/>), nothing in
/// "account_data". The documents are those the earlier store wrote, so the upgrade is tested on what real files hold.
/// </summary>
internal static class EarlierLayout
{
    public static void Write(LiteDbContext context, IEnumerable<AccountSignals> portfolio, bool nestedSignals = false)
    {
        var accounts = context.Collection<AccountDocument>(LiteDbContext.Accounts);
        var usage = context.Collection<UsageDocument>(LiteDbContext.Usage);
        var signals = context.Collection<SignalsDocument>(LiteDbContext.Signals);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        foreach (var entry in portfolio)
        {
            accounts.Upsert(AccountDocument.From(entry.Account));
            if (entry.Usage.Length > 0) usage.Upsert(UsageDocument.From(entry.Account.Id, entry.Usage));
            if (SignalsDocument.HasAny(entry)) signals.Upsert(nestedSignals ? SignalsDocument.FromLegacyLists(entry) : SignalsDocument.From(entry));
            data.Delete(entry.Account.Id);
        }
    }

    /// <summary>
    /// Writes accounts' data documents as format 1 held them: the same fields as now, with usage in the fixed layout of
    /// 24 bytes a day instead of the compact one.
    /// </summary>
    public static void WriteFixedUsage(LiteDbContext context, IEnumerable<AccountSignals> portfolio)
    {
        var accounts = context.Collection<AccountDocument>(LiteDbContext.Accounts);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        foreach (var entry in portfolio)
        {
            accounts.Upsert(AccountDocument.From(entry.Account));
            var document = new LiteDB.BsonDocument
            {
                ["_id"] = entry.Account.Id,
                ["Format"] = AccountDataDocument.FixedUsageFormat,
                ["Account"] = PackedAccount.Pack(entry.Account),
            };
            if (entry.Usage.Length > 0) document["Usage"] = UsageDocument.Pack(entry.Usage);
            if (SignalsDocument.HasAny(entry)) document["Signals"] = PackedSignals.Pack(entry);
            data.Upsert(document);
        }
    }
}
