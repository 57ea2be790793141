using CsBot.Application.Pictures;

namespace CsBot.Slack.Tests.Pictures;

/// <summary>A chart renderer that waits at a gate the test opens (or fails when told), to show what goes out while a picture is not drawn.</summary>
public sealed class GatedRenderer(IChartRenderer inner, bool fail = false) : IChartRenderer
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public void Open() => _open.TrySetResult();

    public byte[] RenderPng(ChartRequest chart)
    {
        _entered.TrySetResult();
        if (fail) throw new InvalidOperationException("the renderer broke");
        _open.Task.Wait(TimeSpan.FromMinutes(1));
        return inner.RenderPng(chart);
    }
}
