using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Rules;

public class RuleValidationTests
{
    private static IReadOnlyList<string> Validate(params RuleDefinition[] rules) =>
        RuleValidation.Validate(new RulesOptions { Definitions = [.. rules] });

    [Fact]
    public void The_default_rule_set_is_valid() => Assert.Empty(RuleValidation.Validate(new RulesOptions()));

    [Fact]
    public void A_missing_parameter_names_the_rule_by_index_id_and_kind()
    {
        var rules = RulesOptions.Defaults();
        rules[2].Percent = null;

        Assert.Equal(
            ["Rules:Definitions:2 (id 'usage-cliff', kind UsageDrop) needs Percent between 0 and 100."],
            RuleValidation.Validate(new RulesOptions { Definitions = rules }));
    }

    [Fact]
    public void An_out_of_range_parameter_says_what_it_is()
    {
        var error = Assert.Single(Validate(new RuleDefinition { Id = "seats", Kind = RuleKind.SeatUtilizationBelow, Percent = 140 }));

        Assert.Equal("Rules:Definitions:0 (id 'seats', kind SeatUtilizationBelow) needs Percent between 0 and 100 (it is 140).", error);
    }

    [Fact]
    public void Duplicate_ids_point_at_the_first_use()
    {
        var error = Assert.Single(Validate(
            new RuleDefinition { Id = "health", Kind = RuleKind.HealthBelow, Threshold = 40 },
            new RuleDefinition { Id = "Health", Kind = RuleKind.HealthBelow, Threshold = 30 }));

        Assert.Equal("Rules:Definitions:1 (id 'Health', kind HealthBelow) repeats the Id of Rules:Definitions:0; rule ids must be unique.", error);
    }

    [Fact]
    public void An_empty_id_is_an_error()
    {
        var error = Assert.Single(Validate(new RuleDefinition { Id = " ", Kind = RuleKind.NoLogin, Days = 14 }));

        Assert.StartsWith("Rules:Definitions:0 (kind NoLogin) has no Id", error);
        Assert.Contains("'no-login'", error);
    }

    public static TheoryData<RuleKind, string> RequiredParameters => new()
    {
        { RuleKind.HealthBelow, "needs Threshold between 0 and 100." },
        { RuleKind.HealthDrop, "needs Points between 1 and 100." },
        { RuleKind.HealthDrop, "needs Days of 1 or more." },
        { RuleKind.UsageDrop, "needs Percent between 0 and 100." },
        { RuleKind.SeatUtilizationBelow, "needs Percent between 0 and 100." },
        { RuleKind.NoLogin, "needs Days of 1 or more." },
        { RuleKind.NpsDetractor, "needs Days of 1 or more." },
        { RuleKind.CsatBelow, "needs Threshold between 1 and 5." },
        { RuleKind.CsatBelow, "needs Days of 1 or more." },
        { RuleKind.InvoiceOverdue, "needs Days of 0 or more." },
        { RuleKind.OpenCriticalTickets, "needs Count of 1 or more." },
        { RuleKind.RenewalAtRisk, "needs Days of 0 or more." },
        { RuleKind.Contraction, "needs Percent between 0 and 100." },
        { RuleKind.Contraction, "needs Days of 1 or more." },
    };

    [Theory]
    [MemberData(nameof(RequiredParameters))]
    public void Each_kind_reports_its_missing_parameters(RuleKind kind, string message)
    {
        var errors = Validate(new RuleDefinition { Id = "r", Kind = kind });

        Assert.Contains($"Rules:Definitions:0 (id 'r', kind {kind}) {message}", errors);
    }

    [Fact]
    public void Optional_windows_may_be_left_out_but_not_set_below_a_day()
    {
        Assert.Empty(Validate(new RuleDefinition { Id = "u", Kind = RuleKind.UsageDrop, Percent = 40 }));

        var error = Assert.Single(Validate(new RuleDefinition { Id = "u", Kind = RuleKind.UsageDrop, Percent = 40, BaselineDays = 0 }));
        Assert.Contains("needs BaselineDays of 1 or more (it is 0)", error);
    }

    [Fact]
    public void An_empty_band_list_would_never_fire()
    {
        var error = Assert.Single(Validate(new RuleDefinition { Id = "renewal", Kind = RuleKind.RenewalAtRisk, Days = 60, Bands = [] }));

        Assert.Contains("empty Bands list", error);
    }

    [Fact]
    public void Parameters_a_kind_does_not_read_are_not_required()
    {
        Assert.Empty(Validate(new RuleDefinition { Id = "renewal", Kind = RuleKind.RenewalAtRisk, Days = 60, Bands = [HealthBand.Poor] }));
    }
}
