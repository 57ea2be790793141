using CsBot.Application.Pictures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CsBot.Charts;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the chart renderer behind <see cref="IChartRenderer"/>, so answers, alerts and digests are followed by
    /// their pictures. Without it they are sent as text alone.
    /// </summary>
    public static IHostApplicationBuilder AddCharts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        return builder;
    }
}
