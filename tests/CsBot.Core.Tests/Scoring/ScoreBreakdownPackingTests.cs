using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Scoring;

public sealed class ScoreBreakdownPackingTests
{
    private static HealthScore Score(IReadOnlyList<ComponentScore> components, IReadOnlyList<OmittedComponent> omitted) => new()
    {
        AccountId = "acc-1",
        AsOf = new DateOnly(2026, 11, 16),
        Score = 61,
        Band = HealthBand.Average,
        Components = components,
        Omitted = omitted,
    };

    [Fact]
    public void Every_component_and_omission_comes_back_exactly_as_it_was_packed()
    {
        var longReason = string.Concat(Enumerable.Repeat("seats idle for weeks; ", 20));
        var score = Score(
            [
                new ComponentScore(HealthComponentKind.UsageTrend, -12.5, 53.333333333333336, 20, 13.1, "active users down 12.5% (16 -> 14) vs 28-day baseline"),
                new ComponentScore(HealthComponentKind.SeatUtilization, double.NaN, -0.0, double.PositiveInfinity, double.Epsilon, longReason),
                new ComponentScore(HealthComponentKind.Nps, 1e300, -1e-300, 0, 0.1 + 0.2, "Zufriedenheit gesunken: 😟 «NPS» −12"),
                new ComponentScore(HealthComponentKind.Csat, 4.2, 80, 10, 8, ""),
            ],
            [new OmittedComponent(HealthComponentKind.PaymentTimeliness, "no invoices due in 365 days"), new OmittedComponent(HealthComponentKind.SupportBurden, "")]);

        var (components, omitted) = ScoreBreakdownPacking.Unpack(ScoreBreakdownPacking.Pack(score));

        Assert.Equal(score.Components.Count, components.Length);
        for (var i = 0; i < components.Length; i++)
        {
            var (expected, actual) = (score.Components[i], components[i]);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Value), BitConverter.DoubleToInt64Bits(actual.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Points), BitConverter.DoubleToInt64Bits(actual.Points));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Weight), BitConverter.DoubleToInt64Bits(actual.Weight));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Contribution), BitConverter.DoubleToInt64Bits(actual.Contribution));
            Assert.Equal(expected.Reason, actual.Reason);
        }
        Assert.Equal(score.Omitted, omitted);
    }

    [Fact]
    public void A_score_without_a_breakdown_packs_to_two_bytes_and_back()
    {
        var packed = ScoreBreakdownPacking.Pack(Score([], []));

        Assert.Equal(2, packed.Length);
        var (components, omitted) = ScoreBreakdownPacking.Unpack(packed);
        Assert.Empty(components);
        Assert.Empty(omitted);
    }

    [Fact]
    public void Equal_breakdowns_pack_to_equal_bytes_and_any_change_to_other_bytes()
    {
        var component = new ComponentScore(HealthComponentKind.UsageTrend, -12.5, 53.3, 20, 13.1, "active users down");
        var packed = ScoreBreakdownPacking.Pack(Score([component], []));

        Assert.Equal(packed, ScoreBreakdownPacking.Pack(Score([component with { }], [])));
        Assert.NotEqual(packed, ScoreBreakdownPacking.Pack(Score([component with { Weight = 25 }], [])));
        Assert.NotEqual(packed, ScoreBreakdownPacking.Pack(Score([component with { Reason = "active users down!" }], [])));
        Assert.NotEqual(packed, ScoreBreakdownPacking.Pack(Score([component with { Kind = HealthComponentKind.LoginFrequency }], [])));
        Assert.NotEqual(packed, ScoreBreakdownPacking.Pack(Score([component], [new OmittedComponent(HealthComponentKind.Nps, "none")])));
    }

    [Fact]
    public void Damaged_bytes_are_refused_rather_than_read_as_another_breakdown()
    {
        var packed = ScoreBreakdownPacking.Pack(Score([new ComponentScore(HealthComponentKind.UsageTrend, 1, 2, 3, 4, "reason")], [new OmittedComponent(HealthComponentKind.Nps, "none")]));

        for (var length = 0; length < packed.Length; length++)
            Assert.Throws<InvalidDataException>(() => ScoreBreakdownPacking.Unpack(packed.AsSpan(0, length)));
        Assert.Throws<InvalidDataException>(() => ScoreBreakdownPacking.Unpack([.. packed, 0]));
        // The kind's name with a letter changed is no kind at all.
        var renamed = (byte[])packed.Clone();
        renamed[2] = (byte)'X';
        Assert.Throws<InvalidDataException>(() => ScoreBreakdownPacking.Unpack(renamed));
    }
}
