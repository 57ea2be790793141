namespace CsBot.Core.Messaging;

/// <summary>
/// The picture a message shows. Queued with <see cref="Png"/> empty (only what to draw); it is drawn right before it
/// is sent, so the outbox keeps a request, not an image. <see cref="AltText"/> states the numbers the picture shows,
/// for screen readers and for clients that show no images.
/// </summary>
public sealed record MessagePicture(PictureRequest Request)
{
    public byte[]? Png { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public string AltText { get; init; } = "";

    /// <summary>The file name a platform shows for it ("health-acme.png").</summary>
    public string FileName { get; init; } = "chart.png";

    public bool IsDrawn => Png is { Length: > 0 };
}
