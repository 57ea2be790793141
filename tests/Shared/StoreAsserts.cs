using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Tests.Shared;

/// <summary>Deep equality for the domain records, whose list members compare by reference in record equality.</summary>
internal static class Asserts
{
    public static void SameAccount(Account expected, Account? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected with { Aliases = [] }, actual with { Aliases = [] });
    }

    public static void SameSignals(AccountSignals expected, AccountSignals? actual)
    {
        Assert.NotNull(actual);
        SameAccount(expected.Account, actual.Account);
        Assert.Equal(expected.Usage, actual.Usage);
        Assert.Equal(expected.Tickets, actual.Tickets);
        Assert.Equal(expected.Tickets.Select(t => (t.Opened.Offset, t.Closed?.Offset)), actual.Tickets.Select(t => (t.Opened.Offset, t.Closed?.Offset)));
        Assert.Equal(expected.Surveys, actual.Surveys);
        Assert.Equal(expected.Invoices, actual.Invoices);
        Assert.Equal(expected.RevenueEvents, actual.RevenueEvents);
        Assert.Equal(expected.RenewalOutcomes, actual.RenewalOutcomes);
    }

    public static void SameScore(HealthScore expected, HealthScore? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Components, actual.Components);
        Assert.Equal(expected.Omitted, actual.Omitted);
        Assert.Equal(expected with { Components = [], Omitted = [] }, actual with { Components = [], Omitted = [] });
    }

    public static void SameAlert(Alert expected, Alert? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.History.Select(e => e.At.Offset), actual.History.Select(e => e.At.Offset));
        Assert.Equal(expected.FirstFiredAt.Offset, actual.FirstFiredAt.Offset);
        Assert.Equal(expected.LastEvaluatedAt.Offset, actual.LastEvaluatedAt.Offset);
        Assert.Equal(expected.ResolvedAt?.Offset, actual.ResolvedAt?.Offset);
        Assert.Equal(expected.NotifiedRecipients, actual.NotifiedRecipients);
        Assert.Equal(expected.NotifiedAt?.Offset, actual.NotifiedAt?.Offset);
        Assert.Equal(expected.Announcements, actual.Announcements);
        Assert.Equal(expected with { History = [], NotifiedRecipients = [], Announcements = [] }, actual with { History = [], NotifiedRecipients = [], Announcements = [] });
    }
}
