namespace CsBot.Slack.Api;

/// <summary>
/// The outcome of one Slack call: a value, or Slack's error code (ok:false, or one of ours for HTTP and network
/// failures) with whether trying again later may help and how long Slack asked us to wait.
/// </summary>
public sealed record SlackResult<T>(T? Value, string? Error, bool Transient = false, TimeSpan? RetryAfter = null)
{
    public bool Ok => Error is null;

    public static SlackResult<T> Success(T value) => new(value, null);
    public static SlackResult<T> Failure(string error, bool transient, TimeSpan? retryAfter = null) => new(default, error, transient, retryAfter);

    public SlackResult<TOther> As<TOther>() => new(default, Error, Transient, RetryAfter);
}
