using CsBot.Core.Messaging;

namespace CsBot.Chat.Local;

/// <summary>
/// The most recent messages the local sink delivered, newest last. It lets a newcomer (and the end-to-end tests)
/// see what each recipient would have received without any chat workspace.
/// </summary>
public sealed class LocalChatTranscript
{
    private const int Capacity = 1000;
    private readonly Lock _gate = new();
    private readonly List<SentMessage> _messages = [];

    public void Add(SentMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            if (_messages.Count > Capacity) _messages.RemoveRange(0, _messages.Count - Capacity);
        }
    }

    public IReadOnlyList<SentMessage> All()
    {
        lock (_gate) return [.. _messages];
    }

    /// <summary>
    /// Updates a delivered message in place, as Slack and Teams do when a button on it is pressed (the alert marked
    /// acknowledged, its buttons gone). False when the message has already left the transcript.
    /// </summary>
    public bool Replace(string id, ChatMessage message, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Id == id);
            if (index < 0) return false;
            _messages[index] = _messages[index] with { Outgoing = _messages[index].Outgoing with { Message = message }, UpdatedAt = at ?? _messages[index].UpdatedAt };
            return true;
        }
    }
}
