using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CsBot.Teams.Tests;

/// <summary>
/// With an app id configured, /api/messages takes only requests carrying a Bot Framework token the channel signed.
/// The channel's signing keys are served by a fake OpenID endpoint on 127.0.0.1, so a token signed with any other
/// key is a forgery the bot must refuse.
/// </summary>
public sealed class TeamsAuthTests : IDisposable
{
    private const string AppId = "6f1f5a5e-2b7c-4a8e-9d3e-0c1b2a3d4e5f";
    private readonly WireMockServer _openId = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly RSA _channelKey = RSA.Create(2048);
    private readonly CsBotHost _factory;
    private readonly HttpClient _client;
    private readonly FakeConnector _connector = new();

    public TeamsAuthTests()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_channelKey.ExportParameters(false)) { KeyId = "channel-key" });
        _openId.Given(Request.Create().WithPath("/openid").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new
        {
            issuer = "https://api.botframework.com",
            jwks_uri = _openId.Url + "/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        _openId.Given(Request.Create().WithPath("/keys").UsingGet()).RespondWith(Response.Create().WithBodyAsJson(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, endorsements = new[] { "msteams" } } },
        }));

        _factory = TeamsHost.Create(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Teams:EnableLocalMode"] = "false",
            ["Teams:MicrosoftAppId"] = AppId,
            ["Teams:MicrosoftAppPassword"] = "not-a-real-secret",
            ["Teams:ToBotFromChannelOpenIdMetadataUrl"] = _openId.Url + "/openid",
        });
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task A_request_without_a_token_is_rejected()
    {
        var response = await PostAsync(authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_token_that_is_not_a_JWT_is_rejected()
    {
        var response = await PostAsync(new AuthenticationHeaderValue("Bearer", "let-me-in"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_someone_elses_key_is_rejected()
    {
        using var forger = RSA.Create(2048);
        var forged = Token(new RsaSecurityKey(forger) { KeyId = "channel-key" });

        var response = await PostAsync(new AuthenticationHeaderValue("Bearer", forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Remote_clients_are_not_limited_to_loopback_when_tokens_are_checked()
    {
        _factory.ClientAddress = IPAddress.Parse("52.112.0.10");

        var response = await PostAsync(authorization: null);

        // The token check answers, not the local-mode gate.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string Token(SecurityKey key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://api.botframework.com",
        Audience = AppId,
        Expires = DateTime.UtcNow.AddMinutes(30),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Claims = new Dictionary<string, object> { ["serviceurl"] = _connector.Url },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    private Task<HttpResponseMessage> PostAsync(AuthenticationHeaderValue? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.PersonalMessage(_connector.Url, "help")),
        };
        request.Headers.Authorization = authorization;
        return _client.SendAsync(request);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _openId.Stop();
        _connector.Dispose();
        _channelKey.Dispose();
    }
}
