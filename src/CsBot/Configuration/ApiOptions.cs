namespace CsBot.Host.Configuration;

/// <summary>The ingestion and read API under /api/v1. Section "Api". Without keys the API is closed: every call gets 401.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public List<ApiKeyOptions> Keys { get; set; } = [];
    /// <summary>Largest request body accepted; larger ones get 413. Default 10 MB.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>One API key. Give its SHA-256 as <see cref="KeyHash"/> (hex), or for development the key itself as <see cref="Key"/>.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string? KeyHash { get; set; }
    public string? Key { get; set; }
    public string Access { get; set; } = nameof(ApiAccess.ReadOnly);
}

public enum ApiAccess
{
    ReadOnly,
    ReadWrite,
}
