namespace Hotspot.GraphQL.Validation;

/// <summary>
/// "Did you mean" candidates, as graphql-js computes them: options within a Damerau-Levenshtein distance of
/// 40% of the input's length (a change of case alone counts as one edit), nearest first, ties in natural order.
/// </summary>
internal static class SuggestionList
{
    public static List<string> Find(string input, IEnumerable<string> options)
    {
        var found = new List<(string Option, int Distance)>();
        int threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        string inputLower = input.ToLowerInvariant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string option in options)
        {
            if (!seen.Add(option))
                continue;
            int distance = Measure(input, inputLower, option, threshold);
            if (distance >= 0)
                found.Add((option, distance));
        }

        // A stable sort, as Array.prototype.sort is.
        var ordered = new List<string>(found.Count);
        foreach (var item in found.Select((f, i) => (f.Option, f.Distance, Index: i))
                     .OrderBy(f => f.Distance)
                     .ThenBy(f => f.Option, NaturalStringComparer.Instance)
                     .ThenBy(f => f.Index))
            ordered.Add(item.Option);
        return ordered;
    }

    /// <summary>The distance, or -1 when it exceeds the threshold.</summary>
    private static int Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
            return 0;
        string optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
            return 1;

        string a = optionLower, b = inputLower;
        if (a.Length < b.Length)
            (a, b) = (b, a);
        int aLength = a.Length, bLength = b.Length;
        if (aLength - bLength > threshold)
            return -1;

        var rows = new int[3][];
        for (int r = 0; r < 3; r++)
            rows[r] = new int[bLength + 1];
        for (int j = 0; j <= bLength; j++)
            rows[0][j] = j;

        for (int i = 1; i <= aLength; i++)
        {
            int[] upRow = rows[(i - 1) % 3];
            int[] currentRow = rows[i % 3];
            int smallestCell = currentRow[0] = i;
            for (int j = 1; j <= bLength; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    currentCell = Math.Min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
                if (currentCell < smallestCell)
                    smallestCell = currentCell;
                currentRow[j] = currentCell;
            }
            // The distance cannot shrink below the smallest cell of this row.
            if (smallestCell > threshold)
                return -1;
        }

        int distance = rows[aLength % 3][bLength];
        return distance <= threshold ? distance : -1;
    }
}
