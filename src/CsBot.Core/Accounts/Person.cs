namespace CsBot.Core.Accounts;

/// <summary>A person CsBot can reach: a CSM owner or a manager. Chat ids are optional; email is the stable link.</summary>
public sealed record Person(string Name, string Email, string? SlackUserId = null, string? TeamsUserId = null);
