namespace MigrantCover.Web.Demo;

/// <summary>
/// Rule book §12, the shares of a realistic population: destinations, provinces of origin, women. Shared by
/// the demo seeder (<see cref="DemoPopulation"/>) and the scale benchmark, so both look like the same country.
/// </summary>
public static class PopulationTables
{
    /// <summary>About 60% women.</summary>
    public const int WomenPercent = 60;

    /// <summary>Destinations of 2023 placements; "others" spread over a few countries.</summary>
    public static readonly IReadOnlyList<(string Code, int Weight)> Destinations =
    [
        ("TW", 30), ("MY", 26), ("HK", 24), ("KR", 5), ("JP", 4), ("SG", 3), ("SA", 2), ("IT", 2), ("BN", 2), ("TR", 1), ("AE", 1),
    ];

    /// <summary>Provinces of origin with a few real regency codes each (Lombok Timur, Indramayu, Cirebon first).</summary>
    public static readonly IReadOnlyList<(string Province, string[] Regencies, int Weight)> Origins =
    [
        ("35", ["3505", "3506", "3507", "3524"], 25), ("33", ["3301", "3302", "3303", "3329"], 21), ("32", ["3212", "3209", "3203"], 19),
        ("52", ["5203", "5202", "5201"], 12), ("18", ["1801", "1802", "1804"], 8), ("12", ["1207", "1212"], 4), ("51", ["5101", "5108"], 3),
        ("36", ["3601", "3603"], 2), ("53", ["5301", "5310"], 2), ("73", ["7301", "7371"], 2), ("61", ["6101"], 1), ("34", ["3402"], 1),
    ];

    /// <summary>One of <paramref name="items"/>, each as likely as its weight.</summary>
    public static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
