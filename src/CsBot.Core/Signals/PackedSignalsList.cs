using System.Collections;
using CsBot.Core.Accounts;

namespace CsBot.Core.Signals;

/// <summary>
/// Packed accounts seen as a list of signals, each unpacked when it is reached and not kept: a walk over the whole
/// portfolio (a metric, a ranking) holds one account's objects at a time instead of the portfolio's. Every access
/// unpacks again, so work that reads an account more than once takes it into a local first.
/// </summary>
public sealed class PackedSignalsList : IReadOnlyList<AccountSignals>
{
    private readonly IReadOnlyList<PackedAccountSignals> _packed;
    private readonly bool _withUsage;

    /// <param name="withUsage">False for work that does not read usage: it is left empty, which halves the unpacking.</param>
    public PackedSignalsList(IReadOnlyList<PackedAccountSignals> packed, bool withUsage = true)
    {
        _packed = packed ?? throw new ArgumentNullException(nameof(packed));
        _withUsage = withUsage;
    }

    public int Count => _packed.Count;

    public AccountSignals this[int index] => _packed[index].Unpack(_withUsage);

    /// <summary>The accounts whose record matches <paramref name="keep"/>, chosen without unpacking any.</summary>
    public PackedSignalsList Where(Func<Account, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new PackedSignalsList([.. _packed.Where(p => keep(p.Account))], _withUsage);
    }

    public IEnumerator<AccountSignals> GetEnumerator()
    {
        for (var i = 0; i < _packed.Count; i++) yield return _packed[i].Unpack(_withUsage);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
