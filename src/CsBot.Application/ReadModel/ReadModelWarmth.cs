namespace CsBot.Application.ReadModel;

/// <summary>
/// Whether the start-up warm-up of the read model (<see cref="ReadModelWarmUp"/>: its read and the first answers) has
/// finished, done or failed. Other start-up work that reads the whole portfolio (the start-up evaluation, the churn
/// model's training) waits for it: on a small machine they would otherwise share the cores with it, and the first
/// questions wait for that work.
/// </summary>
public sealed class ReadModelWarmth
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsFinished => _finished.Task.IsCompleted;

    /// <summary>Marks the start-up read as over, whether it read the model or failed (the first question reads it then).</summary>
    public void Finished() => _finished.TrySetResult();

    /// <summary>True once the read is over; false when <paramref name="timeout"/> passed first, so a hung read never stops what waits.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _finished.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
