using CsBot.Application.Settings;

namespace CsBot.Host.Configuration;

/// <summary>The host's own settings: the ingestion API, the demo portfolio and which platform notifies.</summary>
public sealed record HostSettings(ApiOptions Api, DemoOptions Demo, ChatOptions Chat)
{
    /// <summary>Metrics:Enabled: CsBot's own measurements on /metrics.</summary>
    public MetricsExportOptions MetricsExport { get; init; } = new(false);

    /// <summary>Binds the sections, adding one line per problem (key and fix) to <paramref name="errors"/>.</summary>
    public static HostSettings Read(IConfiguration configuration, ICollection<string> errors)
    {
        var demo = SettingsReader.Bind<DemoOptions>(configuration, DemoOptions.SectionName, errors);
        if (demo.AccountCount is < 1 or > 200_000)
            errors.Add($"Demo:AccountCount is {demo.AccountCount}; use 1 to 200000.");
        if (demo.HistoryDays is < 0 or > 400)
            errors.Add($"Demo:HistoryDays is {demo.HistoryDays}; use 0 to 400.");
        if (demo.UsageDays is < CsBot.DemoData.DemoPortfolio.UsageDays or > CsBot.DemoData.DemoPortfolio.FullHistoryUsageDays)
            errors.Add($"Demo:UsageDays is {demo.UsageDays}; use {CsBot.DemoData.DemoPortfolio.UsageDays} to {CsBot.DemoData.DemoPortfolio.FullHistoryUsageDays} (default {CsBot.DemoData.DemoPortfolio.FullHistoryUsageDays}, the churn model's two years).");

        var chatSection = configuration.GetSection(ChatOptions.SectionName);
        var chat = SettingsReader.CheckEnum<ChatPlatform>(chatSection["Platform"], "Chat:Platform", "chat platform", errors, required: false)
            ? SettingsReader.Bind<ChatOptions>(configuration, ChatOptions.SectionName, errors)
            : new ChatOptions();
        return new HostSettings(ReadApi(configuration, errors), demo, chat) { MetricsExport = MetricsExportOptions.Read(configuration, errors) };
    }

    private static ApiOptions ReadApi(IConfiguration configuration, ICollection<string> errors)
    {
        var api = SettingsReader.Bind<ApiOptions>(configuration, ApiOptions.SectionName, errors);
        if (api.MaxBodyBytes is < 1024 or > 1024L * 1024 * 1024)
            errors.Add($"Api:MaxBodyBytes is {api.MaxBodyBytes}; use 1024 (1 KB) to 1073741824 (1 GB), e.g. 10485760 for 10 MB.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < api.Keys.Count; i++)
        {
            var key = api.Keys[i];
            var where = $"Api:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name)) errors.Add($"{where}:Name is missing; name each key after who uses it, e.g. \"crm-sync\".");
            else if (!names.Add(key.Name)) errors.Add($"{where}:Name '{key.Name}' is used by another key; give each key its own name.");
            SettingsReader.CheckEnum<ApiAccess>(key.Access, where + ":Access", "access level", errors, required: true);
            var hasHash = !string.IsNullOrWhiteSpace(key.KeyHash);
            var hasKey = !string.IsNullOrWhiteSpace(key.Key);
            if (hasHash == hasKey)
                errors.Add($"{where} needs exactly one of KeyHash (the SHA-256 of the key, 64 hex digits) or Key (the key itself, for development).");
            else if (hasHash && (key.KeyHash!.Trim().Length != 64 || !key.KeyHash.Trim().All(char.IsAsciiHexDigit)))
                errors.Add($"{where}:KeyHash is not 64 hex digits; compute it with: printf %s \"$KEY\" | sha256sum");
            else if (hasKey && key.Key!.Length < 16)
                errors.Add($"{where}:Key is {key.Key.Length} characters; use at least 16 random characters, e.g. from: openssl rand -hex 24");
        }
        return api;
    }
}
