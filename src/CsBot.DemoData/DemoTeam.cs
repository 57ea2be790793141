using CsBot.Core.Accounts;

namespace CsBot.DemoData;

/// <summary>The customer-success team that owns the demo portfolio: seven CSMs reporting to two managers.</summary>
public static class DemoTeam
{
    public static Person ElenaNovak { get; } = new("Elena Novak", "elena.novak@csbot.example");
    public static Person SamOkafor { get; } = new("Sam Okafor", "sam.okafor@csbot.example");

    public static Person DanaWhitfield { get; } = new("Dana Whitfield", "dana.whitfield@csbot.example");
    public static Person MarcusOyelaran { get; } = new("Marcus Oyelaran", "marcus.oyelaran@csbot.example");
    public static Person PriyaRaman { get; } = new("Priya Raman", "priya.raman@csbot.example");
    public static Person TomasHerrera { get; } = new("Tomas Herrera", "tomas.herrera@csbot.example");
    public static Person GraceLiu { get; } = new("Grace Liu", "grace.liu@csbot.example");
    public static Person BenKowalski { get; } = new("Ben Kowalski", "ben.kowalski@csbot.example");
    public static Person AishaKarim { get; } = new("Aisha Karim", "aisha.karim@csbot.example");

    /// <summary>The two CS managers: Elena Novak (Enterprise and Mid-Market) and Sam Okafor (Mid-Market and SMB).</summary>
    public static IReadOnlyList<Person> Managers { get; } = [ElenaNovak, SamOkafor];

    public static IReadOnlyList<Person> CustomerSuccessManagers { get; } =
        [DanaWhitfield, MarcusOyelaran, PriyaRaman, TomasHerrera, GraceLiu, BenKowalski, AishaKarim];

    /// <summary>The manager a CSM reports to.</summary>
    public static Person ManagerOf(Person csm) =>
        csm.Email is "dana.whitfield@csbot.example" or "marcus.oyelaran@csbot.example" or "priya.raman@csbot.example"
            ? ElenaNovak
            : SamOkafor;

    internal static IReadOnlyList<Person> OwnersFor(string segment) => segment switch
    {
        "Enterprise" => [DanaWhitfield, MarcusOyelaran],
        "Mid-Market" => [PriyaRaman, TomasHerrera, GraceLiu],
        _ => [BenKowalski, AishaKarim],
    };
}
