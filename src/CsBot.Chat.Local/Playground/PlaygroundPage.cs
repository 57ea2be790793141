using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace CsBot.Chat.Local.Playground;

/// <summary>
/// The browser playground at "/": a chat box and a feed of what the bot sent, drawn from the neutral messages of
/// /api/local/ask and /api/local/messages, with working buttons. Plain HTML, CSS and one script, embedded in this
/// assembly so the page is there however the host is started (dotnet run, a published folder, a test server).
/// Each file is an endpoint, so the local surface's guard applies to the page as to /api/local.
/// </summary>
public static class PlaygroundPage
{
    /// <summary>Embedded resource names are the folder path with dots: CsBot.Chat.Local.Playground.wwwroot.index.html.</summary>
    private const string ResourceRoot = "CsBot.Chat.Local.Playground.wwwroot";

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(PlaygroundPage).Assembly, ResourceRoot);
        var types = new FileExtensionContentTypeProvider();
        foreach (var file in files.GetDirectoryContents(""))
        {
            var contentType = types.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
            var handler = (HttpContext http) => Serve(http, file, contentType);
            app.MapGet("/" + file.Name, handler);
            if (file.Name == "index.html") app.MapGet("/", handler);
        }
        return app;
    }

    private static IResult Serve(HttpContext http, IFileInfo file, string contentType)
    {
        var headers = http.Response.Headers;
        // The page runs its own script only: nothing injected into it could run.
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        return Results.Stream(file.CreateReadStream(), contentType);
    }
}
