using System.Diagnostics;

namespace CsBot.Testing;

/// <summary>
/// Waits for a condition instead of a fixed time: a host under load is slow, not broken, so a test checks often
/// (every <see cref="Interval"/>) and gives up only at a generous timeout, saying what it was waiting for.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; throws a <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public static Task Until(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition()), what, timeout);

    /// <inheritdoc cref="Until(Func{bool}, string, TimeSpan?)"/>
    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await Until(condition, ok => ok, what, _ => "", timeout);

    /// <summary>
    /// Reads <paramref name="probe"/> until <paramref name="done"/> holds for what it read, and returns that. At the
    /// timeout the message names <paramref name="what"/> and, through <paramref name="describe"/>, the last thing read.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, Func<T, string>? describe = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (clock.Elapsed >= limit)
            {
                var last = describe?.Invoke(value);
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}" + (string.IsNullOrEmpty(last) ? "." : $"; last seen: {last}"));
            }
            await Task.Delay(Interval);
        }
    }
}
