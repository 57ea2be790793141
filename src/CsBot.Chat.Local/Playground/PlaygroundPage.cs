using CsBot.Chat.Local;
using CsBot.Host.Security;
using Microsoft.Extensions.FileProviders;

namespace CsBot.Host.Playground;

/// <summary>
/// The browser playground at "/": a chat box and a feed of what the bot sent, drawn from the neutral messages of
/// /api/local/ask and /api/local/messages, with working buttons. Plain HTML, CSS and one script, embedded in this
/// assembly so the page is there however the host is started (dotnet run, a published folder, a test server).
/// It answers this machine only, like /api/local, unless LocalChat:AllowRemote is true.
/// </summary>
public static class PlaygroundPage
{
    /// <summary>Embedded resource names are the folder path with dots: CsBot.Host.Playground.wwwroot.index.html.</summary>
    private const string ResourceRoot = "CsBot.Host.Playground.wwwroot";

    public static WebApplication UsePlayground(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(PlaygroundPage).Assembly, ResourceRoot);
        var allowRemote = app.Services.GetRequiredService<LocalChatOptions>().AllowRemote;
        // Only the page's own files are closed to remote clients; every other path (Slack, Teams, /api/v1) is not.
        app.UseLoopbackOnly(path => path == "/" || (path.HasValue && files.GetFileInfo(path.Value).Exists), "The playground", allowRemote, "LocalChat:AllowRemote");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // The page runs its own script only: nothing injected into it could run.
                headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
