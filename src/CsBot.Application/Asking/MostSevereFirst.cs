using CsBot.Core;

namespace CsBot.Application.Asking;

/// <summary>
/// A few alerts or rule hits, most severe first and otherwise in the order given. An answer orders a handful per account
/// (a list answer ten times over); LINQ's ordering copied and keyed each handful through several objects, a measurable
/// share of a list answer's cost under load, for what an insertion sort does in place.
/// </summary>
internal static class MostSevereFirst
{
    public static T[] Of<T>(IEnumerable<T> items, Func<T, Severity> severity)
    {
        var ordered = items.ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var item = ordered[i];
            var rank = severity(item);
            var at = i - 1;
            // Strictly less severe ones move up, so items of one severity keep their order (as OrderByDescending does).
            while (at >= 0 && severity(ordered[at]) < rank)
            {
                ordered[at + 1] = ordered[at];
                at--;
            }
            ordered[at + 1] = item;
        }
        return ordered;
    }
}
