using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CsBot.Application.Evaluation;

/// <summary>
/// Enumerates a sequence on a thread of its own, a few items ahead of the consumer, so reading the next batch from the
/// store overlaps with scoring and saving the current one. Reading is most of an evaluation's cost on a real store.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> source, int ahead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in source)
                    await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            var reader = channel.Reader;
            while (await WaitAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item)) yield return item;
            }
        }
        finally
        {
            // The consumer stopped (done, failed or cancelled): the producer stops too, and is awaited so no read of
            // the store outlives the evaluation.
            await stop.CancelAsync().ConfigureAwait(false);
            try { await producer.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Whether more items will come; a failure of the source is thrown as itself, not wrapped by the channel.</summary>
    internal static async ValueTask<bool> WaitAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }
}
