using CsBot.Application.Asking;
using CsBot.Core;

namespace CsBot.Application.Tests.Asking;

public sealed class MostSevereFirstTests
{
    [Fact]
    public void Orders_as_a_stable_most_severe_first_ordering_does_for_any_handful()
    {
        var random = new Random(7);
        var severities = Enum.GetValues<Severity>();
        for (var round = 0; round < 2_000; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 9)).Select(i => (Id: i, Severity: severities[random.Next(severities.Length)])).ToList();

            var ordered = MostSevereFirst.Of(items, x => x.Severity);

            Assert.Equal(items.OrderByDescending(x => x.Severity).ToArray(), ordered);
        }
    }

    [Fact]
    public void Leaves_what_it_is_given_as_it_was()
    {
        (int Id, Severity Severity)[] items = [(1, Severity.Info), (2, Severity.Critical)];

        Assert.Equal([(2, Severity.Critical), (1, Severity.Info)], MostSevereFirst.Of(items, x => x.Severity));
        Assert.Equal([(1, Severity.Info), (2, Severity.Critical)], items);
    }
}
