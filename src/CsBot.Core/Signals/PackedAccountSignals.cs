using CsBot.Core.Accounts;

namespace CsBot.Core.Signals;

/// <summary>
/// One account's signals held packed: the record as an object (looked up by every answer), usage in the compact
/// layout (<see cref="UsageDayPacking.PackMasked"/>) and the other signals in <see cref="SignalPacking"/>'s, unpacked
/// on use. About 2 KB for a demo account with 180 days of usage, where the objects took about 17 KB.
/// </summary>
public sealed class PackedAccountSignals
{
    private readonly byte[] _usage;
    private readonly byte[] _others;

    private PackedAccountSignals(Account account, byte[] usage, byte[] others)
    {
        Account = account;
        _usage = usage;
        _others = others;
    }

    public Account Account { get; }

    /// <summary>Bytes held besides the record.</summary>
    public int PackedBytes => _usage.Length + _others.Length;

    public static PackedAccountSignals Of(AccountSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return new(signals.Account, signals.Usage is { Length: > 0 } usage ? UsageDayPacking.PackMasked(usage) : [], SignalPacking.Pack(signals));
    }

    /// <summary>The same signals under <paramref name="account"/>, an equal record (one that shares its people and names with others).</summary>
    public PackedAccountSignals WithAccount(Account account) =>
        ReferenceEquals(account, Account) ? this : new(account ?? throw new ArgumentNullException(nameof(account)), _usage, _others);

    /// <summary>The account's signals as objects, made afresh on every call.</summary>
    public AccountSignals Unpack() => Unpack(withUsage: true);

    /// <summary>As <see cref="Unpack()"/>, with usage left empty when <paramref name="withUsage"/> is false (for work that does not read it).</summary>
    public AccountSignals Unpack(bool withUsage)
    {
        var signals = new AccountSignals { Account = Account, Usage = withUsage && _usage.Length > 0 ? UsageDayPacking.UnpackMasked(_usage) : [] };
        return _others.Length == 0 ? signals : SignalPacking.Unpack(_others, signals);
    }

    /// <summary>Whether both hold the same signals apart from usage and the record.</summary>
    public bool SameBesideUsage(PackedAccountSignals other) =>
        ReferenceEquals(_others, other?._others) || (other is not null && _others.AsSpan().SequenceEqual(other._others));
}
