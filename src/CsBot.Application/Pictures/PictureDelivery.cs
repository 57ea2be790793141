using CsBot.Application.Delivery;
using CsBot.Core.Messaging;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Pictures;

/// <summary>
/// Pictures follow their text and never hold it up. Once a message's text is delivered, <see cref="Follow"/> queues
/// each chart it asks for (<see cref="ChatMessage.FollowedBy"/>) in the outbox, to the same place (recipient, platform,
/// thread), holding only what to draw. The delivery run draws it right before sending (<see cref="DrawAsync"/>), with a
/// time limit, so a slow or failing renderer delays or loses a picture, never an answer. Without a renderer
/// (CsBot.Charts not added) nothing is queued: the text, which states the same numbers, is all that is sent.
/// </summary>
public sealed class PictureDelivery(PictureCharts charts, IOutbox outbox, BusinessClock clock, ILogger<PictureDelivery> logger,
    IChartRenderer? renderer = null, IDeliveryTrigger? trigger = null)
{
    /// <summary>How long one chart may take to draw before its picture is given up.</summary>
    public TimeSpan DrawLimit { get; init; } = TimeSpan.FromSeconds(10);

    public bool CanDraw => renderer is not null;

    /// <summary>
    /// Queues the pictures <paramref name="delivered"/> asks for, now that its text is out, on <paramref name="platform"/>
    /// (the one that delivered it). A picture's key is its text's key plus its place, so a retried follow-up never queues it twice.
    /// </summary>
    public void Follow(OutgoingMessage delivered, string platform)
    {
        if (renderer is null || delivered.Message.FollowedBy.Count == 0) return;
        var queued = 0;
        for (var i = 0; i < delivered.Message.FollowedBy.Count; i++)
        {
            var request = delivered.Message.FollowedBy[i];
            var picture = new OutgoingMessage(delivered.Recipient, Placeholder(request), $"{delivered.IdempotencyKey}:picture:{i + 1}")
            {
                Platform = platform,
                ThreadId = delivered.ThreadId,
            };
            try
            {
                if (outbox.Enqueue(picture, clock.Now)) queued++;
            }
            catch (Exception ex)
            {
                // The text is out; a picture that cannot be queued is logged, never thrown at the sender of the text.
                logger.LogWarning(ex, "Could not queue the {Kind} picture following {Key}", request.Kind, delivered.IdempotencyKey);
            }
        }
        if (queued > 0 && trigger is not null) _ = DeliverSoonAsync();
    }

    /// <summary>
    /// The message with its picture drawn (title and fallback text saying what it shows), or the reason it cannot be:
    /// nothing to draw it from, the renderer failed or took longer than <see cref="DrawLimit"/>. Messages without a
    /// picture, or with one already drawn, come back as they are.
    /// </summary>
    public async Task<(OutgoingMessage? Message, string? Error)> DrawAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (message.Message.Picture is not { } picture || picture.IsDrawn) return (message, null);
        var (drawn, error) = await DrawAsync(picture.Request, cancellationToken);
        return drawn is null ? (null, error) : (message with { Message = drawn }, null);
    }

    /// <summary>
    /// A message showing the picture <paramref name="request"/> asks for, drawn now, for a platform that sends it
    /// right after its text (a Teams reply in the same turn); null, with the reason, when it cannot be drawn.
    /// </summary>
    public async Task<(ChatMessage? Message, string? Error)> DrawAsync(PictureRequest request, CancellationToken cancellationToken)
    {
        if (renderer is null) return (null, "No chart renderer is configured here");
        ChartRequest? chart;
        try
        {
            chart = charts.For(request);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"The data for the {request.Kind} chart could not be read: {ex.Message}");
        }
        if (chart is null) return (null, $"Nothing to draw a {request.Kind} chart of '{request.Subject}' from");
        byte[] png;
        try
        {
            // Off the caller's thread, so the time limit holds even when the renderer never returns.
            png = await Task.Run(() => renderer.RenderPng(chart), CancellationToken.None).WaitAsync(DrawLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            return (null, $"The {request.Kind} chart took longer than {DrawLimit.TotalSeconds:0} s to draw");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"The {request.Kind} chart could not be drawn: {ex.GetType().Name}: {ex.Message}");
        }
        var picture = new MessagePicture(request)
        {
            Png = png,
            Width = chart.Width,
            Height = chart.Height,
            AltText = chart.AltText,
            FileName = FileName(request),
        };
        return (new ChatMessage { Title = chart.Title, FallbackText = chart.AltText, Picture = picture }, null);
    }

    private static ChatMessage Placeholder(PictureRequest request) => new()
    {
        Title = request.Kind switch
        {
            PictureKind.HealthTrend => "Health trend chart",
            PictureKind.DigestBands => "Health by band chart",
            _ => "Biggest drops chart",
        },
        Picture = new MessagePicture(request),
    };

    /// <summary>"health-trend-a-1042.png": what and of what, in characters every platform keeps in a file name.</summary>
    private static string FileName(PictureRequest request)
    {
        var kind = request.Kind switch { PictureKind.HealthTrend => "health-trend", PictureKind.DigestBands => "health-by-band", _ => "biggest-drops" };
        var subject = new string([.. request.Subject.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        if (subject.Length > 40) subject = subject[..40];
        return subject.Length == 0 ? kind + ".png" : $"{kind}-{subject}.png";
    }

    private async Task DeliverSoonAsync()
    {
        try
        {
            await trigger!.DeliverSoonAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not trigger delivery of queued pictures; the next poll sends them");
        }
    }
}
