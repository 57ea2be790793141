using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Scoring;

public class PeopleFacingNamesTests
{
    [Theory]
    [InlineData(HealthComponentKind.UsageTrend, "Usage trend")]
    [InlineData(HealthComponentKind.SeatUtilization, "Seat utilisation")]
    [InlineData(HealthComponentKind.SupportBurden, "Support load")]
    [InlineData(HealthComponentKind.LoginFrequency, "Login frequency")]
    [InlineData(HealthComponentKind.PaymentTimeliness, "Payment timeliness")]
    [InlineData(HealthComponentKind.Nps, "NPS")]
    public void Health_components_have_names_people_use(HealthComponentKind kind, string name)
    {
        Assert.Equal(name, ComponentNames.Name(kind));
    }

    [Fact]
    public void No_component_name_is_its_code_name()
    {
        Assert.All(Enum.GetValues<HealthComponentKind>(), k => Assert.NotEqual(k.ToString(), ComponentNames.Name(k)));
    }

    [Theory]
    [InlineData("usage-cliff", "Usage cliff")]
    [InlineData("renewal-at-risk", "Renewal at risk")]
    [InlineData("nps-detractor", "NPS detractor")]
    [InlineData("low_csat", "Low CSAT")]
    public void Rule_ids_read_as_words(string id, string words)
    {
        Assert.Equal(words, RuleNames.Words(id));
    }
}
