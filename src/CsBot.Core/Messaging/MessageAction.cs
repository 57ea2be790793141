namespace CsBot.Core.Messaging;

public enum ActionKind
{
    Acknowledge,
    Snooze1Day,
    Snooze7Days,
    SnoozeUntilRenewal,
    /// <summary>Pick one of several candidates, e.g. an account in a "did you mean" list; <see cref="MessageAction.Value"/> is the follow-up question.</summary>
    Choose,
    /// <summary>Show the full breakdown behind an alert or answer; <see cref="MessageAction.Value"/> is the account id.</summary>
    Why,
    /// <summary>Show the next page of a list; <see cref="MessageAction.Value"/> is the page to show (1 for the second).</summary>
    ShowMore,
    /// <summary>Close an acknowledged alert by hand ("Handled"), recorded in its history; <see cref="MessageAction.Value"/> is the alert id.</summary>
    Handled,
    /// <summary>Hand an acknowledged alert to another CSM; <see cref="MessageAction.Value"/> is "alert id|their email".</summary>
    HandOver,
    /// <summary>Retry every dead-lettered message with one cause, after an admin fixed it; <see cref="MessageAction.Value"/> is the cause key.</summary>
    RetryDeliveries,
}

public enum ActionStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>A button. <see cref="Value"/> carries what the handler needs (an alert id, an account id, a question).</summary>
public sealed record MessageAction(ActionKind Kind, string Label, string Value, ActionStyle Style = ActionStyle.Default);
