namespace CsBot.Core.Signals;

public sealed record Invoice(string Id, string AccountId, decimal Amount, DateOnly IssuedOn, DateOnly DueDate, DateOnly? PaidOn = null)
{
    /// <summary>Days past due on <paramref name="day"/>; 0 when paid on time or not yet due.</summary>
    public int DaysOverdue(DateOnly day)
    {
        var settled = PaidOn is { } paid && paid <= day ? paid : day;
        return Math.Max(0, settled.DayNumber - DueDate.DayNumber);
    }

    public bool IsOpenOverdue(DateOnly day) => (PaidOn is null || PaidOn > day) && day > DueDate;
}
