namespace CsBot.Core.Messaging;

/// <summary>The charts CsBot draws.</summary>
public enum PictureKind
{
    /// <summary>An account's health over the last 90 days, the bands shaded and its alerts marked; the subject is the account id.</summary>
    HealthTrend,
    /// <summary>The digest's average health over 12 weeks of the accounts in each band today; the subject is the digest's segment ("" for all).</summary>
    DigestBands,
    /// <summary>The digest's biggest health drops of the week as bars; the subject is the digest's segment ("" for all).</summary>
    DigestDrops,
}

/// <summary>
/// A chart to draw from the data as it is when the picture is sent: what to draw and of what, never the pixels, so
/// a message that asks for one stays small in the outbox.
/// </summary>
public sealed record PictureRequest(PictureKind Kind, string Subject);
