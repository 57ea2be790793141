using CsBot.Core.Messaging;

namespace CsBot.Application.Asking;

/// <summary>
/// Lists sized for chat: a page of <see cref="ListAnswers.MaxRows"/> rows, "and N more" under it with a button that
/// shows the next page (as typing "show more" does). Which page is shown comes from the conversation
/// (<see cref="AskContext.Page"/>).
/// </summary>
internal static class ListPages
{
    /// <summary>How many of the first rows to keep in order to show <paramref name="page"/>.</summary>
    public static int RowsUpTo(int page) => (Math.Max(0, page) + 1) * ListAnswers.MaxRows;

    /// <summary>The rows of <paramref name="page"/> among the first <see cref="RowsUpTo"/> rows in order.</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> firstRows, int page)
    {
        var skip = Math.Max(0, page) * ListAnswers.MaxRows;
        return skip == 0 ? firstRows : [.. firstRows.Skip(skip)];
    }

    /// <summary>How many rows come after this page.</summary>
    public static int Remaining(int total, int page, int shown) => Math.Max(0, total - Math.Max(0, page) * ListAnswers.MaxRows - shown);

    /// <summary>The small print saying which rows these are and how many follow, before any other context lines.</summary>
    public static List<string> Context(int total, int page, int shown)
    {
        var lines = new List<string>();
        if (page > 0 && shown > 0) lines.Add($"rows {page * ListAnswers.MaxRows + 1}-{page * ListAnswers.MaxRows + shown} of {total}");
        if (Remaining(total, page, shown) is > 0 and var more) lines.Add($"and {more} more");
        return lines;
    }

    /// <summary>The "show more" button when rows follow this page; its value is the page it shows.</summary>
    public static IReadOnlyList<MessageAction> Actions(int total, int page, int shown) => Remaining(total, page, shown) is > 0 and var more
        ? [new MessageAction(ActionKind.ShowMore, $"Show {Math.Min(more, ListAnswers.MaxRows)} more", (Math.Max(0, page) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]
        : [];

    /// <summary>"Show more" past the last row: say so rather than draw an empty list.</summary>
    public static ChatMessage AllShown(string title, int total) => new()
    {
        Title = $"That's all of them: {title}",
        FallbackText = $"That's all {total} of them",
        Context = [$"all {total} shown; ask again for the first page"],
    };
}
