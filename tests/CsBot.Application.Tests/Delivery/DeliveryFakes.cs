using System.Collections.Concurrent;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Tests.Delivery;

/// <summary>
/// The chat platform's side of the wire, shared across simulated restarts: which messages it accepted, per key.
/// </summary>
internal sealed class FakePlatform
{
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private int _sequence;

    public IReadOnlyDictionary<string, int> Accepted => _accepted;

    public int Calls { get; private set; }

    public string Accept(OutgoingMessage message)
    {
        _accepted.AddOrUpdate(message.IdempotencyKey, 1, (_, n) => n + 1);
        return $"ts-{Interlocked.Increment(ref _sequence)}";
    }

    public void CountCall() => Calls++;
}

/// <summary>What the scripted sender does with one call: the key, and how many calls this sender has had for it (1-based).</summary>
internal delegate Task<SendResult> SendScript(OutgoingMessage message, int callForKey, FakePlatform platform);

/// <summary>An <see cref="IChatSender"/> driven by a script, counting calls per key.</summary>
internal sealed class ScriptedSender(FakePlatform platform, SendScript script) : IChatSender
{
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public string Platform => "fake";

    public IReadOnlyDictionary<string, int> Calls => _calls;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        platform.CountCall();
        _calls[message.IdempotencyKey] = _calls.GetValueOrDefault(message.IdempotencyKey) + 1;
        return script(message, _calls[message.IdempotencyKey], platform);
    }

    public static SendScript AlwaysAccept => (m, _, p) => Task.FromResult(SendResult.Ok(p.Accept(m)));

    /// <summary>
    /// The process dies: the call never returns. The test abandons the run and opens the file again, as after a
    /// kill -9; nothing after this point of the run ever happens.
    /// </summary>
    public static Task<SendResult> Die() => new TaskCompletionSource<SendResult>().Task;
}

/// <summary>A jitter source fixed at one value in [0, 1), so back-off times are exact.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}

/// <summary>Keeps log entries so tests can check what an operator would read.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    /// <summary>Called with each message as it is logged, on the logging thread: what else was so at that moment.</summary>
    public Action<string>? Logged { get; init; }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (Entries) Entries.Add((logLevel, message));
        Logged?.Invoke(message);
    }
}
