using System.Diagnostics.CodeAnalysis;
using CsBot.Core.Signals;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Usage days saved since their accounts' data documents were last written whole: one small document per account in
/// "usage_journal", holding the days of the account's usage that its data document lacks or holds otherwise.
/// </summary>
/// <remarks>
/// A usage batch adds a day to accounts spread over the file, and rewriting their data documents (some 2 KB each, with
/// 180 days of usage) writes a page an account: at 100k accounts that was most of a 1,000-row batch's time. A save that
/// changes an account's usage only, and only by adding or changing days, writes those days here instead, where a
/// batch's entries lie together on a few pages. Every read of account data applies the entry over the document (the
/// entry's days win, the series stays sorted); any other change of the account writes its data document whole, as it
/// then reads, and deletes the entry in the same transaction, and so does a save that would take an entry beyond
/// <see cref="DaysHeldFor"/> days: a daily feed rewrites an account's data document every week or two, not every day,
/// and the accounts of one feed do not all reach that on the same day. Reads and writes of account data are
/// serialised by <see cref="LiteDbContext.PortfolioGate"/>, so an entry and its document are always read together.
/// </remarks>
internal sealed class UsageJournal() : AccountJournal(Name)
{
    internal const string Name = "usage_journal";

    /// <summary>An entry holds at most this many days; most accounts' entries fewer (<see cref="DaysHeldFor"/>).</summary>
    internal const int DefaultMaxDays = 16;

    /// <inheritdoc cref="DefaultMaxDays"/>
    internal int MaxDays { get; set; } = DefaultMaxDays;

    private const string Days = "U";

    /// <summary>
    /// How many days the account's entry may hold: between half of <see cref="MaxDays"/> and all of it, fixed per account
    /// by its id, so that accounts fed together from the same day have their documents written again on different days.
    /// </summary>
    public int DaysHeldFor(string accountId)
    {
        // FNV-1a: string.GetHashCode differs from one process to the next.
        var hash = 2166136261u;
        foreach (var c in accountId) hash = (hash ^ c) * 16777619u;
        var least = MaxDays / 2;
        return least + (int)(hash % (uint)(MaxDays - least + 1));
    }

    /// <summary>The entries of <paramref name="accountIds"/>; none read when the journal is empty.</summary>
    public Dictionary<string, UsageDay[]> For(LiteDatabase database, IEnumerable<string> accountIds)
    {
        if (Count(database) == 0) return new Dictionary<string, UsageDay[]>(StringComparer.Ordinal);
        return KeyedReads.ByIds(Collection(database), accountIds).ToDictionary(d => d.Key, d => Read(d.Value), StringComparer.Ordinal);
    }

    /// <summary>Entries a <see cref="Window"/> reads at most: ten of the evaluation's batches when every account has one.</summary>
    internal const int WindowSize = 1_000;

    /// <summary>
    /// The entries of the accounts after an id up to <see cref="Last"/> (null: up to the end of the range asked for), as
    /// they were at <see cref="Version"/> of the account data's writes (<see cref="RecentReads.Version"/>).
    /// </summary>
    /// <remarks>
    /// A read of the whole portfolio goes a hundred accounts at a time; reading their entries with each hundred was a
    /// query a batch, most of them finding few entries or none. A window serves the batches it covers while no save
    /// of account data has come between, which the version tells.
    /// </remarks>
    internal sealed record Window(Dictionary<string, UsageDay[]> Entries, BsonValue? Last, long Version);

    /// <summary>
    /// Up to <see cref="WindowSize"/> entries of the accounts after <paramref name="after"/> up to and including
    /// <paramref name="through"/>; call under the portfolio gate, with the version read under it.
    /// </summary>
    public Window WindowAfter(LiteDatabase database, BsonValue after, BsonValue through, long version)
    {
        if (Count(database) == 0) return new Window(new Dictionary<string, UsageDay[]>(StringComparer.Ordinal), null, version);
        var page = PagedReads.Page(Collection(database), after, through, WindowSize);
        return new Window(page.ToDictionary(d => d["_id"].AsString, Read, StringComparer.Ordinal), page.Count < WindowSize ? null : page[^1]["_id"], version);
    }

    /// <summary>Whether <paramref name="window"/> holds every entry up to <paramref name="last"/> as of <paramref name="version"/>.</summary>
    public static bool Covers([NotNullWhen(true)] Window? window, BsonValue last, long version, Collation collation) =>
        window is not null && window.Version == version && (window.Last is null || collation.Compare(last, window.Last) <= 0);

    /// <summary>
    /// Writes the account's entry (<paramref name="days"/>, sorted), inserted when it has none (<paramref name="isNew"/>:
    /// an upsert would first look for it in vain, a second walk of the index); call inside the save's transaction, then
    /// <see cref="AccountJournal.Added"/> with the number of accounts that had none once it committed.
    /// </summary>
    public void Write(LiteDatabase database, string accountId, UsageDay[] days, bool isNew)
    {
        var document = new BsonDocument { ["_id"] = accountId, [Days] = UsageDayPacking.PackCompact(days) };
        var collection = Collection(database);
        if (isNew || !collection.Update(document)) collection.Insert(document);
    }

    private static UsageDay[] Read(BsonDocument document) =>
        document.TryGetValue(Days, out var days) && days.IsBinary ? UsageDayPacking.UnpackCompact(days.AsBinary) : [];

    /// <summary>
    /// The days of <paramref name="current"/> that <paramref name="stored"/> lacks or holds otherwise, so that
    /// <see cref="Apply"/> of them over <paramref name="stored"/> gives <paramref name="current"/> exactly; null when no
    /// such days do (a day of <paramref name="stored"/> is gone, or either series is not sorted by day, one entry a day).
    /// </summary>
    public static UsageDay[]? Difference(UsageDay[] stored, UsageDay[] current)
    {
        if (!UsageSeries.IsOnePerDay(stored) || !UsageSeries.IsOnePerDay(current)) return null;
        var days = new List<UsageDay>();
        var s = 0;
        foreach (var day in current)
        {
            if (s < stored.Length && stored[s].Date < day.Date) return null;
            if (s < stored.Length && stored[s].Date == day.Date)
            {
                if (stored[s++] == day) continue;
            }
            days.Add(day);
        }
        return s == stored.Length ? [.. days] : null;
    }

    /// <summary><paramref name="days"/> merged into <paramref name="stored"/> by day, both sorted: a day of both is taken from <paramref name="days"/>.</summary>
    public static UsageDay[] Apply(UsageDay[] stored, UsageDay[] days) => UsageSeries.Merge(stored, days, out _, out _, out _);
}
