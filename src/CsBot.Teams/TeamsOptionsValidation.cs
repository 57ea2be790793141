namespace CsBot.Teams;

/// <summary>Checks the "Teams" section; every message names the key and the fix.</summary>
internal static class TeamsOptionsValidation
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public static IEnumerable<string> Validate(TeamsOptions options)
    {
        var type = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType.Trim();
        if (!AppTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            yield return $"Teams:MicrosoftAppType is '{options.MicrosoftAppType}'; use one of {string.Join(", ", AppTypes)}.";

        if (options.HasCredentials)
        {
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
                yield return $"Teams:MicrosoftAppId '{options.MicrosoftAppId}' is not an app id; copy the Microsoft App ID (a GUID) from the Azure Bot resource's Configuration page.";
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) && !type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
                yield return "Teams:MicrosoftAppPassword is empty; set the client secret of the bot's app registration (or use MicrosoftAppType UserAssignedMSI).";
            if (!type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
                yield return $"Teams:MicrosoftAppTenantId is '{options.MicrosoftAppTenantId}'; a {type} bot needs the tenant id (a GUID) of its app registration.";
        }
        else if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) || !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            yield return "Teams:MicrosoftAppId is empty but a password or tenant id is set; set the app id too, or remove them to run without Teams.";
        }

        foreach (var tenant in options.AllowedTenants)
        {
            if (!Guid.TryParse(tenant, out _))
                yield return $"Teams:AllowedTenants has '{tenant}'; list Entra tenant ids (GUIDs), or leave it empty to allow every tenant.";
        }

        if (!string.IsNullOrWhiteSpace(options.PublicHost) && Uri.CheckHostName(options.PublicHost.Trim()) == UriHostNameType.Unknown)
            yield return $"Teams:PublicHost '{options.PublicHost}' is not a host name; give just the host, e.g. csbot.example.com (no https://, no path).";

        if (options.CardMemoryDays is < 1 or > 365)
            yield return $"Teams:CardMemoryDays is {options.CardMemoryDays}; use 1 to 365.";
    }
}
