using Microsoft.AspNetCore.Http.Metadata;

namespace CsBot.Host.Api;

/// <summary>
/// Raises (or lowers) the web server's own body limit for an endpoint to Api:MaxBodyBytes. Kestrel refuses bodies
/// over 30,000,000 bytes by default, before CsBot sees them and without a body saying why; with this metadata the
/// routing middleware sets the request's limit, so the setting is the one limit that applies and its 413 names it.
/// </summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
