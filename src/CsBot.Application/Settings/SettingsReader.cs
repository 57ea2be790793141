using Microsoft.Extensions.Configuration;

namespace CsBot.Application.Settings;

/// <summary>
/// The one way CsBot reads a settings section: bind it, and turn every problem into a line that names the key and
/// the fix, so an admin fixes a bad file in one pass. Each project's <c>Read(configuration, errors)</c> uses these;
/// the host collects the lines of all projects before it starts. Enum values are checked by hand because the
/// binder's own message does not list the valid choices.
/// </summary>
public static class SettingsReader
{
    /// <summary>Binds <paramref name="section"/> onto fresh options; a value the binder cannot convert becomes an error.</summary>
    public static T Bind<T>(IConfiguration configuration, string section, ICollection<string> errors) where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{section}: {ex.Message}");
        }
        return options;
    }

    /// <summary>True when <paramref name="value"/> names a member of <typeparamref name="T"/> (or is absent and not required).</summary>
    public static bool CheckEnum<T>(string? value, string key, string what, ICollection<string> errors, bool required) where T : struct, Enum
    {
        if (value is null)
        {
            if (required) errors.Add($"{key} is missing; set it to one of {Names<T>()}.");
            return !required;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out _) && !int.TryParse(value, out _)) return true;
        errors.Add($"{key} is '{value}', not a known {what}; use one of {Names<T>()}.");
        return false;
    }

    /// <summary>Reads settings that must be valid (inside an <c>AddX</c>, after the host has checked them all).</summary>
    public static T ReadValid<T>(IConfiguration configuration, Func<IConfiguration, ICollection<string>, T> read)
    {
        var errors = new List<string>();
        var settings = read(configuration, errors);
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid settings:\n" + string.Join("\n", errors.Select(e => "  - " + e)));
        return settings;
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
