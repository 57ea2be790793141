using CsBot.Application.ReadModel;

namespace CsBot.Application.Asking;

/// <summary>
/// The accounts a list question covers, as a filter over a <see cref="DayBoard"/>: which owners' books (decided once
/// per distinct owner: "mine", a named owner, or what the asker may see) and which segment.
/// </summary>
public sealed class BoardScope(DayBoard board, bool[]? owners, int segment)
{
    public DayBoard Board { get; } = board;

    /// <summary>The segment's index in the portfolio's segments, -1 for every segment.</summary>
    public int Segment => segment;

    public bool IncludesOwner(int owner) => owners is null || owners[owner];

    public bool Includes(in BoardEntry entry) => (owners is null || owners[entry.Owner]) && (segment < 0 || entry.Segment == segment);
}
