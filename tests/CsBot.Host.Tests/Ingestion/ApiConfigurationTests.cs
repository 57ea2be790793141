using CsBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CsBot.Host.Tests.Ingestion;

public class ApiConfigurationTests
{
    private static ConfigurationException Fails(params (string Key, string Value)[] settings) =>
        Assert.Throws<ConfigurationException>(() => SettingsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build()));

    [Fact]
    public void A_key_needs_a_name_one_secret_and_a_known_access_level()
    {
        var error = Fails(("Api:Keys:0:Key", "short"), ("Api:Keys:0:KeyHash", "abc"), ("Api:Keys:0:Access", "Admin"));

        Assert.Contains(error.Errors, e => e.StartsWith("Api:Keys:0:Name"));
        Assert.Contains(error.Errors, e => e.StartsWith("Api:Keys:0 needs exactly one of KeyHash"));
        Assert.Contains(error.Errors, e => e.Contains("Api:Keys:0:Access") && e.Contains("ReadWrite"));
    }

    [Fact]
    public void A_hash_that_is_not_sha256_hex_and_a_tiny_body_limit_are_named()
    {
        var error = Fails(("Api:Keys:0:Name", "crm"), ("Api:Keys:0:KeyHash", "not-hex"), ("Api:MaxBodyBytes", "10"));

        Assert.Contains(error.Errors, e => e.StartsWith("Api:Keys:0:KeyHash"));
        Assert.Contains(error.Errors, e => e.StartsWith("Api:MaxBodyBytes"));
    }

    [Fact]
    public void By_default_no_key_is_configured_and_bodies_are_limited_to_10_mb()
    {
        var settings = SettingsLoader.Load(new ConfigurationBuilder().Build());

        Assert.Empty(settings.Host.Api.Keys);
        Assert.Equal(10 * 1024 * 1024, settings.Host.Api.MaxBodyBytes);
        Assert.False(settings.LocalChat.AllowRemote);
    }
}
