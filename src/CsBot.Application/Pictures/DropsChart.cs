using CsBot.Core.Formatting;

namespace CsBot.Application.Pictures;

/// <summary>The accounts whose health fell most over <see cref="Days"/> days, largest fall first, as bars.</summary>
public sealed record DropsChart : ChartRequest
{
    public required IReadOnlyList<DropBar> Drops { get; init; }
    public required int Days { get; init; }

    public override string AltText => Drops.Count == 0
        ? $"{Title}: no account's health fell in the last {Days} days."
        : $"{Title}: " + string.Join("; ", Drops.Select(d => $"{d.Account} {d.From} -> {d.To} ({Format.Signed(d.To - d.From)})")) + ".";
}

/// <summary>One account's fall: its health before and now.</summary>
public sealed record DropBar(string Account, int From, int To);
