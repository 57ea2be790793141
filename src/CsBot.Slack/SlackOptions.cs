using Microsoft.Extensions.Configuration;

namespace CsBot.Slack;

/// <summary>
/// The Slack workspace connection. Section "Slack". Slack is switched on when <see cref="BotToken"/> or
/// <see cref="SigningSecret"/> is set; then both are required.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Bot User OAuth Token from the app's "OAuth &amp; Permissions" page (xoxb-...).</summary>
    public string BotToken { get; set; } = "";
    /// <summary>Signing Secret from the app's "Basic Information" page; every inbound request is checked with it.</summary>
    public string SigningSecret { get; set; } = "";
    /// <summary>Workspace (team) ids allowed to talk to CsBot; empty allows any workspace the app is installed in.</summary>
    public IReadOnlyList<string> AllowedTeamIds { get; set; } = [];
    /// <summary>Slack Web API base address. Changed only to point tests at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";
    /// <summary>"ephemeral" (only the asker sees /cs answers) or "in_channel" (everyone in the channel does).</summary>
    public string SlashCommandResponse { get; set; } = "ephemeral";
    /// <summary>How long a /cs answer may take before CsBot acknowledges at once and posts the answer afterwards. Slack gives up after 3000 ms.</summary>
    public int DirectAnswerMilliseconds { get; set; } = 2000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken) || !string.IsNullOrWhiteSpace(SigningSecret);

    public bool AnswersInChannel => string.Equals(SlashCommandResponse, "in_channel", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the section, adding one line per problem (key and fix) to <paramref name="errors"/>; credentials are
    /// checked only when Slack is switched on. A comma-separated AllowedTeamIds ("T1,T2", handy in environment
    /// variables) is accepted too.
    /// </summary>
    public static SlackOptions Read(IConfiguration configuration, ICollection<string> errors)
    {
        var section = configuration.GetSection(SectionName);
        var options = new SlackOptions
        {
            BotToken = section[nameof(BotToken)]?.Trim() ?? "",
            SigningSecret = section[nameof(SigningSecret)]?.Trim() ?? "",
            ApiBaseUrl = section[nameof(ApiBaseUrl)] is { Length: > 0 } url ? url.Trim() : "https://slack.com/api/",
            SlashCommandResponse = section[nameof(SlashCommandResponse)] is { Length: > 0 } mode ? mode.Trim() : "ephemeral",
        };
        if (section[nameof(DirectAnswerMilliseconds)] is { Length: > 0 } budget)
            options.DirectAnswerMilliseconds = int.TryParse(budget, out var ms) ? ms : -1;

        var teams = section.GetSection(nameof(AllowedTeamIds));
        var listed = teams.Value is { } single ? single.Split(',') : teams.GetChildren().Select(c => c.Value ?? "");
        options.AllowedTeamIds = [.. listed.Select(t => t.Trim()).Where(t => t.Length > 0)];
        foreach (var error in options.Validate()) errors.Add(error);
        return options;
    }

    private List<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add($"Slack:ApiBaseUrl '{ApiBaseUrl}' is not an http(s) address; leave it at https://slack.com/api/.");
        if (SlashCommandResponse is not ("ephemeral" or "in_channel"))
            errors.Add($"Slack:SlashCommandResponse is '{SlashCommandResponse}'; use \"ephemeral\" (only the asker sees answers) or \"in_channel\".");
        if (DirectAnswerMilliseconds is < 50 or > 2500)
            errors.Add($"Slack:DirectAnswerMilliseconds is {DirectAnswerMilliseconds}; use 50 to 2500 (Slack gives up on a slash command after 3000 ms).");
        if (!IsConfigured) return errors;

        if (string.IsNullOrWhiteSpace(BotToken))
            errors.Add("Slack:BotToken is missing; copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page, e.g. Slack__BotToken=xoxb-....");
        else if (!BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            errors.Add($"Slack:BotToken starts with '{Prefix(BotToken)}'; CsBot needs the Bot User OAuth Token, which starts with xoxb- (not a user xoxp- or app xapp- token).");
        if (string.IsNullOrWhiteSpace(SigningSecret))
            errors.Add("Slack:SigningSecret is missing; copy the Signing Secret from the app's Basic Information page, e.g. Slack__SigningSecret=....");
        return errors;
    }

    private static string Prefix(string token) => token.Length <= 5 ? token : token[..5];
}
