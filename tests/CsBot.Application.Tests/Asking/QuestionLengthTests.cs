using System.Diagnostics;
using CsBot.Application.Asking;
using NSubstitute;

namespace CsBot.Application.Tests.Asking;

/// <summary>A question longer than the limit gets a polite reply naming the limit, at once, on every surface (they all ask here).</summary>
public class QuestionLengthTests
{
    private readonly AnswerFixture _data = new();

    [Fact]
    public void A_megabyte_question_is_answered_at_once_with_the_limit_and_is_not_read()
    {
        var service = _data.Service();
        service.Ask("help", Asker.Local()); // the portfolio is loaded once, outside the measurement
        var huge = "ack Big Co usage-cliff " + new string('a', 1024 * 1024);

        var clock = Stopwatch.StartNew();
        var answer = service.Ask(huge, Asker.Local());
        clock.Stop();

        Assert.Equal("That question is too long for me (1,048,599 characters)", answer.Title);
        Assert.Contains("up to 2,000 characters", answer.Sections.Single().Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
        // An over-long command is not acted on either.
        Assert.Empty(_data.Actions.ReceivedCalls());
    }

    [Fact]
    public void A_question_of_exactly_the_limit_is_answered_as_usual()
    {
        var atLimit = "health of Big Co".PadRight(QuestionLimits.MaxLength);

        var answer = _data.Service().Ask(atLimit, Asker.Local());

        Assert.Equal(QuestionLimits.MaxLength, atLimit.Length);
        Assert.DoesNotContain("too long", answer.Title);
        Assert.Contains("Big Co", answer.Title);
    }
}
