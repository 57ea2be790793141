namespace CsBot.Host.Startup;

/// <summary>
/// Something CsBot exposes (an HTTP surface, a chat connection) and how it is protected, logged once at startup so
/// an admin sees what is open. Register one per surface: services.AddSingleton(new OpenSurface(...)).
/// </summary>
public sealed record OpenSurface(string Name, string Protection);
