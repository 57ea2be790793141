namespace CsBot.Core.Messaging;

public enum RecipientKind
{
    /// <summary>A person, reached by direct message.</summary>
    User,
    /// <summary>A team channel.</summary>
    Channel,
}
