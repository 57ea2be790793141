using CsBot.Core.Digest;
using System.Globalization;

namespace CsBot.Application.Digest;

/// <summary>The digest's ISO week and its idempotency key: one digest per channel and ISO week.</summary>
public static class DigestKeys
{
    /// <summary>"2026-W28": the ISO 8601 week (Monday first; week 1 holds the year's first Thursday).</summary>
    public static string IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    public static string For(string channel, DateOnly day) => $"digest:{Normalize(channel)}:{IsoWeek(day)}";

    /// <summary>Channels compare without case and without a leading '#'.</summary>
    public static string Normalize(string channel) => DigestSubscription.KeyOf(channel);
}
