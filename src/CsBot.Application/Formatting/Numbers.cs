using System.Globalization;

namespace CsBot.Application.Formatting;

/// <summary>Number formats shared by every answer and alert, so the same figure reads the same everywhere.</summary>
public static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal amount) => amount switch
    {
        >= 1_000_000m or <= -1_000_000m => (amount / 1_000_000m).ToString("0.##", Invariant) + "M",
        >= 10_000m or <= -10_000m => (amount / 1_000m).ToString("0.#", Invariant) + "k",
        _ => amount.ToString("#,0", Invariant),
    };

    public static string Signed(int delta) => delta > 0 ? "+" + delta : delta.ToString(Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}
