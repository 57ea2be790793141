using System.Text;
using CsBot.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Slack.Tests.Inbound;

public class SignatureVerifierTests
{
    // Slack's published example ("Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1531420618));

    private SignatureCheck Verify(string? timestamp, string? signature, string body, string secret = Secret) =>
        new SlackSignatureVerifier(new SlackOptions { SigningSecret = secret }, _clock).Verify(timestamp, signature, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Slacks_published_example_is_valid() => Assert.Equal(SignatureCheck.Valid, Verify(Timestamp, Expected, Body));

    [Fact]
    public void Signing_the_published_example_gives_the_published_signature() =>
        Assert.Equal(Expected, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void A_tampered_body_is_rejected() => Assert.Equal(SignatureCheck.BadSignature, Verify(Timestamp, Expected, Body.Replace("text=", "text=drop+tables")));

    [Fact]
    public void A_wrong_secret_is_rejected() => Assert.Equal(SignatureCheck.BadSignature, Verify(Timestamp, Expected, Body, "another-secret"));

    [Fact]
    public void An_empty_secret_never_validates() => Assert.Equal(SignatureCheck.BadSignature, Verify(Timestamp, SlackSignatureVerifier.Sign("", Timestamp, Encoding.UTF8.GetBytes(Body)), Body, ""));

    [Fact]
    public void A_request_older_than_five_minutes_is_rejected_even_with_a_good_signature()
    {
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(SignatureCheck.StaleTimestamp, Verify(Timestamp, Expected, Body));
    }

    [Fact]
    public void A_request_just_under_five_minutes_old_is_accepted()
    {
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(SignatureCheck.Valid, Verify(Timestamp, Expected, Body));
    }

    [Theory]
    [InlineData(null, Expected)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Missing_headers_are_rejected(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.MissingHeaders, Verify(timestamp, signature, Body));

    [Fact]
    public void A_timestamp_that_is_not_a_number_is_rejected() => Assert.Equal(SignatureCheck.StaleTimestamp, Verify("soon", Expected, Body));
}
