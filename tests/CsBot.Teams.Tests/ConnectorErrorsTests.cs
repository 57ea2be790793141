using System.Net;
using CsBot.Teams.Outbound;

namespace CsBot.Teams.Tests;

public sealed class ConnectorErrorsTests
{
    // The Bot Connector throttles per bot: after a 429 every further send would be refused too, so the outbox must
    // stop sending to Teams until Retry-After, not only hold back the one message.
    [Fact]
    public void Throttling_with_retry_after_pauses_every_send_to_teams()
    {
        var result = ConnectorErrors.FromStatus((HttpStatusCode)429, "Throttled", "slow down", TimeSpan.FromSeconds(7));

        Assert.True(result.Transient);
        Assert.True(result.RateLimited);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    public void Other_transient_failures_hold_back_only_their_own_message(int status)
    {
        var result = ConnectorErrors.FromStatus((HttpStatusCode)status, null, "try again", retryAfter: status == 429 ? null : TimeSpan.FromSeconds(3));

        Assert.True(result.Transient);
        Assert.False(result.RateLimited);
    }
}
