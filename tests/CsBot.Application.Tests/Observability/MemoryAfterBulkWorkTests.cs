using CsBot.Application.Observability;
using CsBot.Application.Tests.Delivery;

namespace CsBot.Application.Tests.Observability;

/// <summary>After a whole-portfolio pass the host collects, gives memory back, and says in its log what it holds after.</summary>
public sealed class MemoryAfterBulkWorkTests
{
    [Fact]
    public void A_pass_collects_and_says_how_much_the_process_holds_after_it()
    {
        var log = new ListLogger<MemoryAfterBulkWork>();
        var memory = new MemoryAfterBulkWork(log);
        var collections = GC.CollectionCount(GC.MaxGeneration);

        memory.Return("the risk evaluation");

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > collections);
        var entry = Assert.Single(log.Entries);
        Assert.Matches(@"^Memory returned after the risk evaluation: RSS \d+ MB -> \d+ MB \(\d+ MB in use by objects\), in a \d+ ms pause$", entry.Message);
    }
}
