namespace Hotspot.GraphQL.Execution;

/// <summary>graphql-js's "Did you mean ...?" hints: options close to the input by lexical distance.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string input, IEnumerable<string> options)
    {
        var list = SuggestionList(input, options);
        if (list.Count == 0) return "";
        var quoted = list.Take(5).Select(s => "\"" + s + "\"").ToList();
        string body = quoted.Count switch
        {
            1 => quoted[0],
            2 => quoted[0] + " or " + quoted[1],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1],
        };
        return " Did you mean " + body + "?";
    }

    public static List<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var found = new List<(string Option, int Distance)>();
        int threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        foreach (var option in options)
        {
            int distance = string.Equals(inputLower, option.ToLowerInvariant(), StringComparison.Ordinal)
                ? 1
                : Distance(inputLower, option.ToLowerInvariant(), threshold);
            if (distance <= threshold) found.Add((option, distance));
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance - b.Distance : string.CompareOrdinal(a.Option, b.Option));
        return found.Select(f => f.Option).ToList();
    }

    // Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).
    private static int Distance(string a, string b, int threshold)
    {
        if (a == b) return 0;
        if (Math.Abs(a.Length - b.Length) > threshold) return threshold + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
            }
        }
        return d[a.Length, b.Length];
    }
}
