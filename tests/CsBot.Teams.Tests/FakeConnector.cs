using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CsBot.Teams.Tests;

/// <summary>
/// A Bot Connector on 127.0.0.1 that accepts replies, new posts, card updates and member look-ups the way Teams'
/// does, and records them. Specific conversations can be made to fail with a status and Teams error code.
/// </summary>
public sealed class FakeConnector : IDisposable
{
    public const string MemberEmail = "dana.whitfield@example.com";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private int _ids;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> _failing = new(StringComparer.Ordinal);

    public FakeConnector()
    {
        _server.Given(Request.Create().WithPath(new WildcardMatcher("/v3/conversations/*/activities/*")).UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(_ => new { id = "reply-" + Interlocked.Increment(ref _ids) }));
        _server.Given(Request.Create().WithPath(new WildcardMatcher("/v3/conversations/*/activities")).UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(_ => new { id = "post-" + Interlocked.Increment(ref _ids) }));
        _server.Given(Request.Create().WithPath(new WildcardMatcher("/v3/conversations/*/activities/*")).UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = "updated" }));
        _server.Given(Request.Create().WithPath(new WildcardMatcher("/v3/conversations/*/members/*")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                id = "29:user-dana",
                name = "Dana Whitfield",
                aadObjectId = "aad-dana",
                email = MemberEmail,
                userPrincipalName = MemberEmail,
            }));
    }

    public string Url => _server.Url!;

    /// <summary>Every post into <paramref name="conversationId"/> answers <paramref name="status"/> with a Teams error body.</summary>
    public void Fail(string conversationId, int status, string code, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status)
            .WithBodyAsJson(new { error = new { code, message = "fake connector says " + code } });
        if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
        var mapping = Guid.NewGuid();
        _failing[conversationId] = mapping;
        // The path as the connector client escapes it, and as sent when there is nothing to escape or it is left as is (':' and '@').
        _server.Given(Request.Create().WithPath("/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities", "/v3/conversations/" + conversationId + "/activities").UsingPost())
            .WithGuid(mapping)
            .AtPriority(1)
            .RespondWith(response);
    }

    /// <summary>Posts into <paramref name="conversationId"/> are accepted again, as once its cause was fixed.</summary>
    public void Recover(string conversationId)
    {
        if (_failing.TryRemove(conversationId, out var mapping)) _server.DeleteMapping(mapping);
    }

    public IReadOnlyList<Captured> Requests =>
        [.. _server.LogEntries.Select(e => new Captured(e.RequestMessage!.Method, Uri.UnescapeDataString(e.RequestMessage.AbsolutePath ?? ""), e.RequestMessage.Body))];

    public IReadOnlyList<Captured> Find(string method, string pathPrefix) =>
        [.. Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public void Dispose() => _server.Stop();

    public sealed record Captured(string Method, string Path, string? Body)
    {
        public JsonObject Json => JsonNode.Parse(Body ?? "{}")!.AsObject();

        /// <summary>The Adaptive Card in the activity, when it carries one.</summary>
        public JsonObject? Card => Json["attachments"]?[0]?["content"]?.AsObject();
    }
}
