namespace CsBot.Application.Ingestion;

/// <summary>
/// The longest text each ingested field may hold, in characters (UTF-16 code units). They keep every indexed value
/// well under the store's index key limit (1,023 bytes in LiteDB; at most 3 UTF-8 bytes per code unit) and bound what
/// one record can make CsBot store and render. A longer value is refused with 422 naming the field and its limit.
/// </summary>
public static class FieldLimits
{
    public const int ExternalId = 100;
    public const int Name = 200;
    public const int Alias = 200;
    public const int AliasCount = 20;
    /// <summary>A DNS name is at most 253 characters.</summary>
    public const int Domain = 253;
    public const int Segment = 100;
    public const int Plan = 100;
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int Email = 254;
    public const int TimeZone = 64;
    public const int ChatUserId = 64;
    public const int Respondent = 200;
}
