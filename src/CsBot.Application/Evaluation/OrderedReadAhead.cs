using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CsBot.Application.Evaluation;

/// <summary>
/// Enumerates several sequences at once, each on a thread of its own and a few items ahead of the consumer, and
/// yields their items in order: every item of the first sequence, then of the second, and so on. A full evaluation
/// reads the portfolio's id ranges this way, so reading, most of its cost on a real store, runs on every core while
/// the items still come in portfolio order, as a sequential read gives them.
/// </summary>
/// <remarks>
/// Each sequence has a channel of its own bounded to <c>ahead</c> items, and readers take the sequences in order, so
/// the sequence the consumer waits for has always been started, and a reader blocked on a later sequence's full
/// channel never holds up an earlier one: no deadlock, and at most about <c>readers * (ahead + 1)</c> items in memory
/// when sequences are longer than <c>ahead</c>. A failure of a sequence is thrown to the consumer as itself when it
/// reaches that sequence; when the consumer stops (done, failed or cancelled) the readers stop and are awaited.
/// </remarks>
internal static class OrderedReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IReadOnlyList<Func<IEnumerable<T>>> sources, int readers, int ahead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, 1);
        var channels = new Channel<T>[sources.Count];
        for (var i = 0; i < channels.Length; i++)
            channels[i] = Channel.CreateBounded<T>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var workers = new Task[Math.Min(readers, Math.Max(1, sources.Count))];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int index;
                while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < sources.Count)
                {
                    var writer = channels[index].Writer;
                    try
                    {
                        foreach (var item in sources[index]())
                            await writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                        writer.Complete();
                    }
                    catch (Exception ex)
                    {
                        writer.Complete(ex);
                    }
                }
            }, CancellationToken.None);
        }

        try
        {
            foreach (var channel in channels)
            {
                var reader = channel.Reader;
                while (await ReadAhead.WaitAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    while (reader.TryRead(out var item)) yield return item;
                }
            }
        }
        finally
        {
            // The consumer stopped: readers stop too, and are awaited so no read of the store outlives the evaluation.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }
}
