using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CsBot.Teams.Tests;

/// <summary>
/// When the Bot Framework's signing keys cannot be fetched, a message with a token cannot be checked: that is the
/// channel's outage (or the network's), not a fault in CsBot and not a forgery, so the answer is 503 (Teams retries)
/// and the log says what could not be reached.
/// </summary>
public sealed class TeamsMetadataOutageTests : IDisposable
{
    private const string AppId = "6f1f5a5e-2b7c-4a8e-9d3e-0c1b2a3d4e5f";
    private readonly RecordingLogger _log = new();
    private readonly FakeConnector _connector = new();
    private readonly string _metadataUrl = $"https://127.0.0.1:{ClosedPort()}/openid";
    private readonly CsBotHost _factory;

    public TeamsMetadataOutageTests()
    {
        _factory = TeamsHost.Create(
            new Dictionary<string, string?>
            {
                ["Demo:Enabled"] = "false",
                ["Teams:EnableLocalMode"] = "false",
                ["Teams:MicrosoftAppId"] = AppId,
                ["Teams:MicrosoftAppPassword"] = "not-a-real-secret",
                ["Teams:ToBotFromChannelOpenIdMetadataUrl"] = _metadataUrl,
                // The issuer the token below carries, so validation goes on to fetch the keys.
                ["Teams:ToBotFromChannelTokenIssuer"] = "https://api.botframework.com",
            },
            services => services.AddSingleton<ILoggerProvider>(_log));
    }

    [Fact]
    public async Task A_message_whose_token_cannot_be_checked_gets_503_and_the_log_names_the_metadata_address()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.PersonalMessage(_connector.Url, "help")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}; warnings:\n{string.Join("\n", _log.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Text))}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains(_log.Lines, l => l.Level >= LogLevel.Warning && l.Text.Contains(_metadataUrl) && l.Text.Contains("503"));
        Assert.Empty(_connector.Requests);
    }

    private static string Token()
    {
        using var key = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = DateTime.UtcNow.AddMinutes(30),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "channel-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A loopback port nothing listens on: taken from the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _connector.Dispose();
    }
}
