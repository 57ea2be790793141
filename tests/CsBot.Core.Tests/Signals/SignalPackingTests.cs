using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Core.Tests.Signals;

/// <summary>
/// The read model holds every account's tickets, surveys, invoices, revenue events and renewal outcomes in
/// <see cref="SignalPacking"/>'s dense layout and answers from what it unpacks: every field must come back exactly
/// (offsets of instants, scales of decimals, nulls, any string), damaged bytes must be refused, and an ordinary account
/// must pack small, since that is the point.
/// </summary>
public class SignalPackingTests
{
    private const string AccountId = "acc-0042";
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 5, 1);

    public static TheoryData<string, AccountSignals> Portfolios() => new()
    {
        { "no signals", With() },
        { "an ordinary account", Ordinary() },
        { "nulls where a record allows them", With(
            tickets: [new SupportTicket(null!, null!, TicketSeverity.Low, Start), new SupportTicket("t-1", AccountId, TicketSeverity.High, Start, null)],
            surveys: [new SurveyResponse(null!, AccountId, SurveyKind.Nps, 9, Day, null), new SurveyResponse("s-1", null!, SurveyKind.Csat, 3, Day, null)],
            invoices: [new Invoice(null!, null!, 0m, Day, Day, null)]) },
        { "unicode, empty and huge strings", With(
            tickets: [new SupportTicket("", "", TicketSeverity.Medium, Start), new SupportTicket("チケット-🎫-001", "acc-Ünïcödé", TicketSeverity.Critical, Start)],
            surveys: [
                new SurveyResponse("s-\u0301e\u0301", AccountId, SurveyKind.Ces, 4, Day, "Jürgen Groß <jürgen@bäckerei.de>"),
                new SurveyResponse("lone-\uD800-high", AccountId, SurveyKind.Ces, 4, Day, "lone low \uDC00 and reversed \uDC00\uD800"),
                new SurveyResponse(new string('x', 100_000), AccountId, SurveyKind.Nps, 10, Day, new string('é', 70_000) + "🙂")]) },
        { "ids that almost follow a pattern", With(
            tickets: [.. new[] { "a9", "a10", "a9", "a09", "x007", "x8", "x008", "x-1", "x-0", "x-00", "9", "10", "", "7",
                "999999999999999999", "1000000000000000000", "99999999999999999999", "100000000000000000000", "t-5", "u-6", "t-04", "t-005" }
                .Select((id, i) => new SupportTicket(id, AccountId, TicketSeverity.Low, Start.AddDays(i)))]) },
        { "instants and days out of order, at the calendar's ends and in other offsets", With(
            tickets: [
                new SupportTicket("t-1", AccountId, TicketSeverity.Low, Start.AddDays(10), Start),
                new SupportTicket("t-2", AccountId, TicketSeverity.Low, Start.AddTicks(-1).ToOffset(TimeSpan.FromHours(14)), Start.AddMilliseconds(3).ToOffset(TimeSpan.FromMinutes(-14 * 60))),
                new SupportTicket("t-3", AccountId, TicketSeverity.Low, DateTimeOffset.MinValue, DateTimeOffset.MaxValue),
                new SupportTicket("t-4", AccountId, TicketSeverity.Low, new DateTimeOffset(DateTime.MinValue.AddHours(14), TimeSpan.FromHours(14)), new DateTimeOffset(DateTime.MaxValue.AddHours(-14), TimeSpan.FromHours(-14))),
                new SupportTicket("t-5", AccountId, TicketSeverity.Low, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(345)).AddSeconds(17))],
            surveys: [
                new SurveyResponse("s-1", AccountId, SurveyKind.Nps, int.MinValue, DateOnly.MaxValue),
                new SurveyResponse("s-2", AccountId, SurveyKind.Nps, int.MaxValue, DateOnly.MinValue),
                new SurveyResponse("s-3", AccountId, SurveyKind.Nps, -1, Day)],
            invoices: [
                new Invoice("i-1", AccountId, 1m, DateOnly.MaxValue, DateOnly.MinValue, DateOnly.MaxValue),
                new Invoice("i-2", AccountId, 1m, DateOnly.MinValue, DateOnly.MaxValue, DateOnly.MinValue)],
            outcomes: [new RenewalOutcome("r-2", AccountId, Day.AddDays(400), RenewalResult.Renewed, 1m, 2m), new RenewalOutcome("r-1", AccountId, Day, RenewalResult.Churned, 2m, 0m)]) },
        { "decimals of every scale and sign, and enum values outside their members", With(
            tickets: [new SupportTicket("t-1", AccountId, (TicketSeverity)7, Start), new SupportTicket("t-2", AccountId, (TicketSeverity)(-3), Start)],
            surveys: [new SurveyResponse("s-1", AccountId, (SurveyKind)99, 5, Day)],
            invoices: [
                new Invoice("i-1", AccountId, decimal.MaxValue, Day, Day),
                new Invoice("i-2", AccountId, decimal.MinValue, Day, Day),
                new Invoice("i-3", AccountId, 100.00m, Day, Day),
                new Invoice("i-4", AccountId, -0.0000000000000000000000000001m, Day, Day),
                new Invoice("i-5", AccountId, new decimal(0, 0, 0, isNegative: true, scale: 5), Day, Day)],
            events: [new RevenueEvent("e-1", "acc-other", (RevenueEventKind)42, -1234.5678m, Day), new RevenueEvent("e-2", AccountId, RevenueEventKind.Reactivation, 79228162514264337593543950335m, Day)],
            outcomes: [new RenewalOutcome("r-1", AccountId, Day, (RenewalResult)5, 0.1m, -0.10m)]) },
    };

    [Theory]
    [MemberData(nameof(Portfolios))]
    public void Every_field_reads_back_exactly(string what, AccountSignals signals)
    {
        var packed = SignalPacking.Pack(signals);

        AssertSame(signals, SignalPacking.Unpack(packed, new AccountSignals { Account = signals.Account }), what);
    }

    [Theory]
    [MemberData(nameof(Portfolios))]
    public void An_account_held_packed_with_its_usage_unpacks_to_what_it_was(string what, AccountSignals signals)
    {
        var withUsage = signals with { Usage = [new UsageDay(Day, 3, 9, 10, 4, 1), new UsageDay(Day.AddDays(1), 4, 9, 10, 5, 2)] };

        var packed = PackedAccountSignals.Of(withUsage);

        AssertSame(withUsage, packed.Unpack(), what);
        Assert.Equal(withUsage.Usage, packed.Unpack().Usage);
        Assert.Empty(packed.Unpack(withUsage: false).Usage);
        Assert.Same(signals.Account, packed.Unpack().Account);
    }

    [Fact]
    public void An_ordinary_account_packs_in_a_few_bytes_an_item()
    {
        var signals = Ordinary();
        var items = signals.Tickets.Count + signals.Surveys.Count + signals.Invoices.Count + signals.RevenueEvents.Count + signals.RenewalOutcomes.Count;

        var packed = SignalPacking.Pack(signals);

        // The layout before took about 60 bytes a ticket and 50 a survey answer; ids, account ids and enum names were
        // most of it. Here the few distinct respondents are written once each.
        Assert.InRange(packed.Length, items * 4, items * 12);
    }

    [Fact]
    public void The_same_signals_always_pack_to_the_same_bytes()
    {
        // The read model compares packed bytes to tell whether a write changed more than usage.
        Assert.Equal(SignalPacking.Pack(Ordinary()), SignalPacking.Pack(Ordinary()));
        Assert.NotEqual(SignalPacking.Pack(Ordinary()), SignalPacking.Pack(Ordinary() with { Surveys = [.. Ordinary().Surveys.Take(3)] }));
    }

    [Fact]
    public void Bytes_cut_short_running_on_or_of_an_unknown_version_are_refused()
    {
        var packed = SignalPacking.Pack(Ordinary());
        var into = new AccountSignals { Account = Ordinary().Account };

        for (var length = 1; length < packed.Length; length++)
            Assert.Throws<InvalidDataException>(() => SignalPacking.Unpack(packed.AsSpan(0, length), into));
        Assert.Throws<InvalidDataException>(() => SignalPacking.Unpack([.. packed, 0], into));
        Assert.Throws<InvalidDataException>(() => SignalPacking.Unpack([(byte)(SignalPacking.Version + 1), .. packed[1..]], into));
    }

    [Fact]
    public void Random_damage_is_refused_or_read_as_some_signals_but_never_crashes_otherwise()
    {
        var packed = SignalPacking.Pack(Ordinary());
        var into = new AccountSignals { Account = Ordinary().Account };
        var random = new Random(7);
        for (var round = 0; round < 2_000; round++)
        {
            var damaged = (byte[])packed.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--) damaged[random.Next(1, damaged.Length)] = (byte)random.Next(256);
            try
            {
                SignalPacking.Unpack(damaged, into);
            }
            catch (InvalidDataException)
            {
                // Refused, as it should be when the damage shows.
            }
        }
    }

    private static AccountSignals Ordinary()
    {
        var tickets = new List<SupportTicket>();
        for (var i = 0; i < 33; i++)
        {
            var opened = Start.AddDays(-180 + i * 5).AddMinutes(i * 37 % 600);
            tickets.Add(new SupportTicket($"tkt-0042-{i + 1:D3}", AccountId, (TicketSeverity)(i % 4), opened, i % 7 == 0 ? null : opened.AddHours(3 + i % 30).AddMinutes(i)));
        }
        string[] respondents = ["ana.lopez@acme.example", "li.wei@acme.example", "sam.okafor@acme.example", "eva.berg@acme.example", "joao.silva@acme.example"];
        var surveys = Enumerable.Range(0, 28).Select(i => new SurveyResponse($"srv-0042-{i + 1:D3}", AccountId, i % 3 == 0 ? SurveyKind.Csat : SurveyKind.Nps,
            i % 3 == 0 ? 1 + i % 5 : i % 11, Day.AddDays(-180 + i * 6), respondents[i % respondents.Length])).ToList();
        var invoices = Enumerable.Range(0, 12).Select(i => new Invoice($"inv-0042-{i + 1:D3}", AccountId, 4_250.00m + i * 10, Day.AddMonths(-12 + i), Day.AddMonths(-12 + i).AddDays(30),
            i == 11 ? null : Day.AddMonths(-12 + i).AddDays(20 + i))).ToList();
        var events = Enumerable.Range(0, 4).Select(i => new RevenueEvent($"rev-0042-{i + 1:D3}", AccountId, i == 0 ? RevenueEventKind.New : RevenueEventKind.Expansion,
            i == 0 ? 4_000m : 125.5m * i, Day.AddMonths(-24 + 6 * i))).ToList();
        var outcomes = new List<RenewalOutcome> { new("rnw-0042-01", AccountId, Day.AddMonths(-12), RenewalResult.Renewed, 4_000m, 4_250m) };
        return With(tickets, surveys, invoices, events, outcomes);
    }

    private static AccountSignals With(IReadOnlyList<SupportTicket>? tickets = null, IReadOnlyList<SurveyResponse>? surveys = null, IReadOnlyList<Invoice>? invoices = null,
        IReadOnlyList<RevenueEvent>? events = null, IReadOnlyList<RenewalOutcome>? outcomes = null) => new()
    {
        Account = new Account { Id = AccountId, ExternalId = "CRM-10042", Name = "Acme", Segment = "SMB", Plan = "Pro", Owner = new Person("Olivia Owner", "olivia@example.com") },
        Tickets = tickets ?? [],
        Surveys = surveys ?? [],
        Invoices = invoices ?? [],
        RevenueEvents = events ?? [],
        RenewalOutcomes = outcomes ?? [],
    };

    /// <summary>Field by field, strictly: record equality would let an instant's offset or a decimal's scale change unseen.</summary>
    private static void AssertSame(AccountSignals expected, AccountSignals actual, string what)
    {
        Assert.Equal(expected.Tickets.Count, actual.Tickets.Count);
        for (var i = 0; i < expected.Tickets.Count; i++)
        {
            var (e, a) = (expected.Tickets[i], actual.Tickets[i]);
            Strings(e.Id, a.Id, what); Strings(e.AccountId, a.AccountId, what);
            Assert.Equal(e.Severity, a.Severity);
            Instants(e.Opened, a.Opened, what);
            Assert.Equal(e.Closed.HasValue, a.Closed.HasValue);
            if (e.Closed is { } closed) Instants(closed, a.Closed!.Value, what);
        }
        Assert.Equal(expected.Surveys.Count, actual.Surveys.Count);
        for (var i = 0; i < expected.Surveys.Count; i++)
        {
            var (e, a) = (expected.Surveys[i], actual.Surveys[i]);
            Strings(e.Id, a.Id, what); Strings(e.AccountId, a.AccountId, what); Strings(e.Respondent, a.Respondent, what);
            Assert.Equal((e.Kind, e.Score, e.Date), (a.Kind, a.Score, a.Date));
        }
        Assert.Equal(expected.Invoices.Count, actual.Invoices.Count);
        for (var i = 0; i < expected.Invoices.Count; i++)
        {
            var (e, a) = (expected.Invoices[i], actual.Invoices[i]);
            Strings(e.Id, a.Id, what); Strings(e.AccountId, a.AccountId, what); Decimals(e.Amount, a.Amount, what);
            Assert.Equal((e.IssuedOn, e.DueDate, e.PaidOn), (a.IssuedOn, a.DueDate, a.PaidOn));
        }
        Assert.Equal(expected.RevenueEvents.Count, actual.RevenueEvents.Count);
        for (var i = 0; i < expected.RevenueEvents.Count; i++)
        {
            var (e, a) = (expected.RevenueEvents[i], actual.RevenueEvents[i]);
            Strings(e.Id, a.Id, what); Strings(e.AccountId, a.AccountId, what); Decimals(e.MrrDelta, a.MrrDelta, what);
            Assert.Equal((e.Kind, e.Date), (a.Kind, a.Date));
        }
        Assert.Equal(expected.RenewalOutcomes.Count, actual.RenewalOutcomes.Count);
        for (var i = 0; i < expected.RenewalOutcomes.Count; i++)
        {
            var (e, a) = (expected.RenewalOutcomes[i], actual.RenewalOutcomes[i]);
            Strings(e.Id, a.Id, what); Strings(e.AccountId, a.AccountId, what);
            Decimals(e.MrrBefore, a.MrrBefore, what); Decimals(e.MrrAfter, a.MrrAfter, what);
            Assert.Equal((e.RenewalDate, e.Result), (a.RenewalDate, a.Result));
        }
    }

    private static void Strings(string? expected, string? actual, string what) => Assert.True(string.Equals(expected, actual, StringComparison.Ordinal), $"{what}: '{expected}' came back as '{actual}'");

    private static void Instants(DateTimeOffset expected, DateTimeOffset actual, string what) =>
        Assert.True(expected.UtcTicks == actual.UtcTicks && expected.Offset == actual.Offset, $"{what}: {expected:O} came back as {actual:O}");

    private static void Decimals(decimal expected, decimal actual, string what) =>
        Assert.True(decimal.GetBits(expected).SequenceEqual(decimal.GetBits(actual)), $"{what}: {expected} came back as {actual}");
}
