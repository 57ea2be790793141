namespace CsBot.DemoData.Internal;

/// <summary>
/// Generated company names such as "Bluestone Logistics": a compound word plus an industry. Account number n maps to a
/// distinct combination through a fixed stride permutation, so names are unique without any lookup table.
/// </summary>
internal static class CompanyNames
{
    private static readonly string[] Heads =
    [
        "Blue", "North", "Summit", "Harbor", "Cedar", "Silver", "Granite", "Bright", "Ever", "Iron",
        "Oak", "Red", "Stone", "Clear", "Maple", "Swift", "True", "Golden", "Pine", "River",
        "Sun", "Moon", "Star", "Frost", "Cobalt", "Amber", "Copper", "Falcon", "Hawk", "Wolf",
        "Fox", "Bear", "Lake", "Bay", "High", "Far", "West", "East", "South", "Crest",
        "Ash", "Birch", "Elm", "Willow", "Coral", "Jade", "Onyx", "Opal", "Ruby", "Sage",
        "Storm", "Thunder", "Rain", "Snow", "Wind", "Sky", "Cloud", "Green", "White", "Black",
    ];

    private static readonly string[] Tails =
    [
        "stone", "field", "ridge", "peak", "bridge", "gate", "forge", "works", "point", "line",
        "wave", "light", "path", "port", "haven", "vale", "brook", "wood", "crest", "mark",
        "spring", "shore", "view", "well", "side", "wick", "ton", "ford", "mont", "dale",
        "rock", "hill", "star", "leaf", "root", "bloom", "flow", "spark", "core", "grid",
        "loop", "tide", "fall", "bank", "yard", "hold", "keep", "reach", "run", "wing",
        "scape", "vault", "beam", "pulse", "frame", "craft", "mill", "cross", "stream", "land",
    ];

    private static readonly string[] Industries =
    [
        "Logistics", "Analytics", "Health", "Foods", "Software", "Robotics", "Energy", "Finance", "Media", "Retail",
        "Systems", "Networks", "Labs", "Partners", "Holdings", "Manufacturing", "Biotech", "Insurance", "Travel", "Education",
        "Consulting", "Security", "Payments", "Marketing", "Realty", "Telecom", "Motors", "Pharma", "Apparel", "Studios",
        "Capital", "Freight", "Clinics", "Brewing", "Outdoors", "Dynamics", "Solutions", "Technologies", "Group", "Industries",
    ];

    private static readonly int Combinations = Heads.Length * Tails.Length * Industries.Length; // 144,000
    private const int Stride = 7919; // prime, coprime with 144,000 = 2^7 * 3^2 * 5^3

    public static int CombinationCount => Combinations;

    /// <summary>The name parts for generated account ordinal <paramref name="ordinal"/> (0-based).</summary>
    public static (string Compound, string Industry, int Round) For(int ordinal, int offset)
    {
        var round = ordinal / Combinations;
        var k = (int)(((long)ordinal * Stride + offset) % Combinations);
        var industry = Industries[k % Industries.Length];
        k /= Industries.Length;
        var tail = Tails[k % Tails.Length];
        var head = Heads[k / Tails.Length];
        return (head + tail, industry, round);
    }
}

/// <summary>People's names for survey respondents.</summary>
internal static class PeopleNames
{
    public static readonly string[] First =
    [
        "alex", "jordan", "taylor", "morgan", "casey", "riley", "jamie", "avery", "quinn", "drew",
        "maria", "james", "li", "fatima", "noah", "olivia", "ravi", "sofia", "kenji", "amara",
    ];

    public static readonly string[] Last =
    [
        "smith", "chen", "garcia", "patel", "nguyen", "johnson", "kim", "silva", "muller", "okoro",
        "brown", "rossi", "tanaka", "haddad", "larsen", "novak", "mensah", "ortiz", "walsh", "iyer",
    ];
}
