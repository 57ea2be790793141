using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsBot.Host.Startup;

/// <summary>
/// /healthz as plain text: the overall status alone when Healthy (what load balancers and uptime checks read), and
/// under it one line per check that is not, saying why, for the person who opens it. With <c>?verbose</c> every
/// check has its line, the healthy ones too (e.g. the scheduler: clustered or not, this instance, the cluster members).
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        var verbose = http.Request.Query.ContainsKey("verbose");
        foreach (var (name, entry) in report.Entries.Where(e => verbose || e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(": ").Append(entry.Description);
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text.ToString());
    }
}
