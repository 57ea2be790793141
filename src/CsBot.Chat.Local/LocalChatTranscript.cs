using System.Collections.Concurrent;

namespace CsBot.Chat.Local;

/// <summary>
/// The most recent messages the local sink delivered, newest last. It lets a newcomer (and the end-to-end tests)
/// see what each recipient would have received without any chat workspace.
/// </summary>
public sealed class LocalChatTranscript
{
    private const int Capacity = 1000;
    private readonly ConcurrentQueue<SentMessage> _messages = new();

    public void Add(SentMessage message)
    {
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _)) { }
    }

    public IReadOnlyList<SentMessage> All() => [.. _messages];
}
