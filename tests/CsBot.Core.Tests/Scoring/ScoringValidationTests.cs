using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Scoring;

public class ScoringValidationTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(ScoringValidation.Validate(new ScoringOptions()));

    [Fact]
    public void A_negative_weight_names_the_key_and_the_fix()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.Nps].Weight = -5;

        Assert.Equal(["Scoring:Components:Nps:Weight is -5; weights must be 0 or more."], ScoringValidation.Validate(options));
    }

    [Fact]
    public void All_weights_zero_is_an_error()
    {
        var options = new ScoringOptions();
        foreach (var component in options.Components.Values) component.Weight = 0;

        var error = Assert.Single(ScoringValidation.Validate(options));
        Assert.Contains("Scoring:Components", error);
        Assert.Contains("at least one component a positive Weight", error);
    }

    [Fact]
    public void An_empty_curve_is_an_error()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.Csat].Curve = [];

        Assert.Equal(["Scoring:Components:Csat:Curve is empty; give at least one point (Value, Points)."], ScoringValidation.Validate(options));
    }

    [Fact]
    public void A_curve_out_of_order_names_the_point()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.SeatUtilization].Curve = [new(20, 0), new(80, 100), new(50, 50)];

        var error = Assert.Single(ScoringValidation.Validate(options));
        Assert.StartsWith("Scoring:Components:SeatUtilization:Curve:2:Value (50)", error);
        Assert.Contains("by Value ascending", error);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(-1)]
    public void Curve_points_must_be_within_0_and_100(double points)
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.UsageTrend].Curve = [new(-50, 0), new(10, points)];

        Assert.Equal([$"Scoring:Components:UsageTrend:Curve:1:Points is {points}; points must be between 0 and 100."], ScoringValidation.Validate(options));
    }

    [Fact]
    public void GoodFrom_must_be_above_AverageFrom()
    {
        var error = Assert.Single(ScoringValidation.Validate(new ScoringOptions { GoodFrom = 40, AverageFrom = 40 }));

        Assert.Contains("Scoring:GoodFrom (40) must be above Scoring:AverageFrom (40)", error);
    }

    [Fact]
    public void Cut_offs_must_be_within_0_and_100()
    {
        var errors = ScoringValidation.Validate(new ScoringOptions { GoodFrom = 120, AverageFrom = -3 });

        Assert.Contains("Scoring:GoodFrom is 120; band cut-offs must be between 0 and 100.", errors);
        Assert.Contains("Scoring:AverageFrom is -3; band cut-offs must be between 0 and 100.", errors);
    }

    [Theory]
    [InlineData(HealthComponentKind.Nps, "180")]
    [InlineData(HealthComponentKind.Csat, "180")]
    [InlineData(HealthComponentKind.PaymentTimeliness, "365")]
    public void Windowed_components_need_a_window_of_at_least_a_day(HealthComponentKind kind, string example)
    {
        var options = new ScoringOptions();
        options.Components[kind].WindowDays = 0;

        Assert.Equal([$"Scoring:Components:{kind}:WindowDays is 0; set it to 1 or more (e.g. {example})."], ScoringValidation.Validate(options));
    }

    [Fact]
    public void Usage_components_do_not_read_a_window()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.UsageTrend].WindowDays = 0;

        Assert.Empty(ScoringValidation.Validate(options));
    }

    [Fact]
    public void A_switched_off_component_is_not_checked_further()
    {
        var options = new ScoringOptions();
        options.Components[HealthComponentKind.Nps] = new ComponentOptions { Weight = 0, Curve = [], WindowDays = 0 };

        Assert.Empty(ScoringValidation.Validate(options));
    }
}
