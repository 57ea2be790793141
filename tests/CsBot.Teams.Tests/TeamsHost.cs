using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// The real host with Teams on (local mode unless a test gives credentials) and a small demo portfolio. Requests
/// come from loopback unless a test sets another <see cref="CsBotHost.ClientAddress"/>, which is how the
/// loopback-only rule of local mode is exercised.
/// </summary>
public static class TeamsHost
{
    public static CsBotHost Create(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Demo:AccountCount"] = "30",
            ["Demo:HistoryDays"] = "14",
            ["Teams:EnableLocalMode"] = "true",
            ["Reminders:RunAtStartup"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        return new CsBotHost(merged, services) { ClientAddress = IPAddress.Loopback };
    }
}
