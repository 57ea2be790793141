using System.IO.Compression;
using System.Text.Json.Nodes;
using CsBot.Teams.Packaging;
using Microsoft.Extensions.Configuration;

namespace CsBot.Teams.Tests;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "0b7d2c1e-5a4f-4e3b-9c8d-7f6e5d4c3b2a";
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-pkg-").FullName;

    [Fact]
    public void The_package_holds_the_manifest_with_our_app_and_host_and_both_icons_at_their_sizes()
    {
        var zipPath = Path.Combine(_folder, "out", "csbot-teams.zip");
        var (code, output, _) = Run(["teams", "package", "--out", zipPath], ("Teams:MicrosoftAppId", AppId), ("Teams:PublicHost", "csbot.example.com"));

        Assert.Equal(0, code);
        Assert.Contains(zipPath, output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());

        var text = Read(zip, "manifest.json");
        Assert.DoesNotContain("{{", text);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal("1.22", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Contains("/v1.22/", manifest["$schema"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        var bot = manifest["bots"]![0]!;
        Assert.Equal(AppId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["health", "at-risk", "renewals", "metrics", "help"], bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("csbot.example.com", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("https://csbot.example.com/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.True(manifest["name"]!["short"]!.GetValue<string>().Length <= 30);

        Assert.Equal((192, 192, 6), PngHeader(zip, "color.png"));
        Assert.Equal((32, 32, 6), PngHeader(zip, "outline.png"));
        Assert.True(OutlineIsWhiteOnTransparent(zip));
    }

    [Fact]
    public void Missing_settings_stop_it_with_the_keys_to_set()
    {
        var (code, _, error) = Run(["teams", "package", "--out", Path.Combine(_folder, "x.zip")], ("Teams:PublicHost", "https://csbot.example.com/bot"));

        Assert.Equal(2, code);
        Assert.Contains("Teams:MicrosoftAppId", error);
        Assert.Contains("Teams:PublicHost", error);
        Assert.False(File.Exists(Path.Combine(_folder, "x.zip")));
    }

    private static (int Code, string Output, string Error) Run(string[] args, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new System.CommandLine.RootCommand { TeamsPackageCommand.Create(() => configuration) };
        var code = root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Width, height and colour type (6 = RGBA) from the PNG's IHDR chunk.</summary>
    private static (int Width, int Height, int ColourType) PngHeader(ZipArchive zip, string name)
    {
        var png = Bytes(zip, name);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);
    }

    /// <summary>Every pixel of the outline icon is white, and its corners are fully transparent.</summary>
    private static bool OutlineIsWhiteOnTransparent(ZipArchive zip)
    {
        var png = Bytes(zip, "outline.png");
        var idat = IndexOf(png, "IDAT"u8.ToArray());
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat - 4));
        using var inflater = new ZLibStream(new MemoryStream(png, idat + 4, length), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var rows = raw.ToArray();
        const int stride = 1 + 32 * 4;
        for (var y = 0; y < 32; y++)
        {
            if (rows[y * stride] != 0) return false; // the icons are written unfiltered
            for (var x = 0; x < 32; x++)
            {
                var p = y * stride + 1 + x * 4;
                if (rows[p] != 255 || rows[p + 1] != 255 || rows[p + 2] != 255) return false;
            }
        }
        return rows[4] == 0 && rows[stride - 1] == 0;
    }

    private static int IndexOf(byte[] data, byte[] pattern)
    {
        for (var i = 0; i <= data.Length - pattern.Length; i++)
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern)) return i;
        return -1;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
