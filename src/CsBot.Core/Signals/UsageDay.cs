namespace CsBot.Core.Signals;

/// <summary>
/// One day of product usage for one account. A small value type so an account's 180-day history
/// is one contiguous array: scoring 100k accounts stays allocation-light.
/// </summary>
/// <param name="ActiveUsers">Distinct users active that day (DAU).</param>
/// <param name="MonthlyActiveUsers">Distinct users active in the 30 days ending that day (MAU), as product analytics reports it.</param>
/// <param name="LicensedSeats">Seats the customer pays for on that day.</param>
/// <param name="Logins">Login sessions that day.</param>
/// <param name="KeyFeatureUses">Uses of the product's key feature(s) that day.</param>
public readonly record struct UsageDay(DateOnly Date, int ActiveUsers, int MonthlyActiveUsers, int LicensedSeats, int Logins, int KeyFeatureUses);
