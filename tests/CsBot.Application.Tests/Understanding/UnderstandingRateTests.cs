using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsBot.DemoData;
using Xunit.Abstractions;

namespace CsBot.Application.Tests.Understanding;

/// <summary>
/// How much of what people type the question engine understands, against the demo portfolio as the host seeds it by
/// default (200 accounts, seed 42) on Thursday 2026-11-26 (the day the parser's exact corpus uses). A row counts as understood when the engine's meaning equals the expected one; a
/// family the engine has no notion of yet simply counts as not understood. The rates per family are printed.
/// A follow-up row's previous turn is asked first, in the same conversation, then its text.
/// </summary>
public sealed class UnderstandingRateTests(ITestOutputHelper output)
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    // A ratchet: the overall rates last measured, as whole percents rounded down. Raise them whenever the engine
    // understands more; never lower them. The goal (issue 12) is 95% on both sets.
    //   before the new families:                      main  54 of 207, blind 21 of 77
    //   normalising, then names found anywhere:       main  94 of 207, blind 33 of 77
    //   and mistyped keywords corrected:              main 103 of 207, blind 36 of 77
    //   and colour words, "which accounts fell most": main 107 of 207, blind 38 of 77
    //   and metrics in plain words, q/q, "improving": main 128 of 207, blind 42 of 77
    //   a name next to another request (an action, a fact, a forecast) no longer guessed as health:
    //                                                 main 128 of 207, blind 41 of 77
    //   one account's facts, its health trend, and requests CsBot does not do (forecasts, actions, contacts):
    //                                                 main 163 of 207, blind 53 of 77
    //   and follow-ups read against the conversation: main 178 of 207, blind 57 of 77
    //   and lists by signal, all of an account's alerts: main 197 of 207, blind 64 of 77
    //   and a metric for a period that has not started gets no number: main 203 of 207, blind 66 of 77
    //   and owners' full names in lower case, "whay", rule names in words or mistyped:
    //                                                 main 207 of 207, blind 67 of 77
    private const double MainRateFloor = 1.00;
    private const double BlindRateFloor = 0.87;

    // The blind set is frozen: nothing in the engine is tuned against it. Changing this hash is a deliberate, visible act.
    private const string BlindSha256 = "4dbe57f90519946e9d030d3aacda59b362e4fbb38647719907a0d7b41fd14799";

    private static readonly Lazy<EngineMeaning> Engine = new(() =>
        new EngineMeaning([.. DemoPortfolio.Generate(Today).Select(s => s.Account)], Today));

    [Fact]
    public void The_main_set_is_understood_at_least_as_well_as_before()
    {
        var rate = Rate(UnderstandingCorpus.MainFile);
        Assert.True(rate >= MainRateFloor, $"main set understood {rate:P1}, below {MainRateFloor:P1}");
    }

    [Fact]
    public void The_blind_set_is_understood_at_least_as_well_as_before()
    {
        var rate = Rate(UnderstandingCorpus.BlindFile);
        Assert.True(rate >= BlindRateFloor, $"blind set understood {rate:P1}, below {BlindRateFloor:P1}");
    }

    [Fact]
    public void The_blind_set_is_frozen()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(UnderstandingCorpus.PathOf(UnderstandingCorpus.BlindFile))));
        Assert.Equal(BlindSha256, hash);
    }

    private double Rate(string file)
    {
        var rows = UnderstandingCorpus.Read(file);
        var results = rows.Select(r => (Row: r, Actual: Engine.Value.Of(r.Text, r.Previous), Expected: Meaning.Parse(r.Expected))).ToList();
        var understood = results.Where(x => x.Expected.SameAs(x.Actual, Today)).Select(x => x.Row).ToHashSet();

        var table = new StringBuilder($"{file}\n| family | rows | understood | rate |\n|---|---:|---:|---:|\n");
        foreach (var family in rows.GroupBy(r => r.Family))
        {
            var n = family.Count(understood.Contains);
            table.Append(CultureInfo.InvariantCulture, $"| {family.Key} | {family.Count()} | {n} | {Percent(n, family.Count())} |\n");
        }
        table.Append(CultureInfo.InvariantCulture, $"| **all** | {rows.Count} | {understood.Count} | {Percent(understood.Count, rows.Count)} |\n");
        output.WriteLine(table.ToString());
        foreach (var (row, actual, expected) in results.Where(x => !understood.Contains(x.Row)))
            output.WriteLine($"  {row.File}:{row.Line} [{row.Family}] \"{row.Text}\" expected \"{expected}\", engine \"{actual}\"");
        return (double)understood.Count / rows.Count;
    }

    private static string Percent(int n, int of) => ((double)n / of).ToString("P0", CultureInfo.InvariantCulture);
}
