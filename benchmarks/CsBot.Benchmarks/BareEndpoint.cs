using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CsBot.Benchmarks;

/// <summary>
/// The bare endpoint the chat load compares the host with: a plain ASP.NET Core minimal endpoint that binds the same
/// JSON question body and answers a fixed JSON reply, with the host's Kestrel settings (no Server header, HTTP/1.1 on
/// loopback) and its runtime settings (workstation concurrent GC, own code compiled optimised on first use, set by the
/// load run's environment). It runs as a child process of its own, like the host, so each side's CPU is read from
/// /proc separately from the client's.
/// </summary>
internal static class BareEndpoint
{
    public sealed record AskBody(string? Text, string? User, string? Email, string? Channel, string? Session = null);
    public sealed record Reply(string Title, string Text);

    private static readonly Reply Fixed = new("nothing looked up", "a fixed reply of about the size of a short answer's title and text");

    /// <summary>--bare-endpoint --port N: serves until killed.</summary>
    public static int Run(string[] args)
    {
        var port = RunOptions.Int(args, "--port", 5099);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJson.Default));
        var app = builder.Build();
        app.MapPost("/ask", (AskBody body) => Results.Json(Fixed, BareJson.Default.Reply));
        app.Run();
        return 0;
    }
}

[JsonSerializable(typeof(BareEndpoint.AskBody))]
[JsonSerializable(typeof(BareEndpoint.Reply))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class BareJson : JsonSerializerContext;
