using CsBot.Application.Asking;
using CsBot.Core.Messaging;

namespace CsBot.Slack;

/// <summary>What answers a question typed in Slack. The host's <see cref="AskService"/>; a seam so timing can be tested.</summary>
public interface IQuestionAnswerer
{
    ChatMessage Ask(string text, Asker asker);
}

public sealed class AskServiceAnswerer(AskService ask) : IQuestionAnswerer
{
    public ChatMessage Ask(string text, Asker asker) => ask.Ask(text, asker);
}
