namespace CsBot.Host.Configuration;

/// <summary>The ingestion API section: keys and body size.</summary>
public static partial class SettingsLoader
{
    private static ApiOptions LoadApi(IConfiguration configuration, List<string> errors)
    {
        var api = Bind<ApiOptions>(configuration, ApiOptions.SectionName, errors);
        if (api.MaxBodyBytes is < 1024 or > 1024L * 1024 * 1024)
            errors.Add($"Api:MaxBodyBytes is {api.MaxBodyBytes}; use 1024 (1 KB) to 1073741824 (1 GB), e.g. 10485760 for 10 MB.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < api.Keys.Count; i++)
        {
            var key = api.Keys[i];
            var where = $"Api:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name)) errors.Add($"{where}:Name is missing; name each key after who uses it, e.g. \"crm-sync\".");
            else if (!names.Add(key.Name)) errors.Add($"{where}:Name '{key.Name}' is used by another key; give each key its own name.");
            CheckEnum<ApiAccess>(key.Access, where + ":Access", "access level", errors, required: true);
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
