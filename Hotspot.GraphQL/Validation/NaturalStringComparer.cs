namespace Hotspot.GraphQL.Validation;

/// <summary>Natural sort order ("a2" before "a10"), as graphql-js's <c>naturalCompare</c> orders suggestions.</summary>
internal sealed class NaturalStringComparer : IComparer<string>
{
    public static readonly NaturalStringComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;

        int ai = 0, bi = 0;
        while (ai < x.Length && bi < y.Length)
        {
            char ac = x[ai], bc = y[bi];
            if (char.IsAsciiDigit(ac) && char.IsAsciiDigit(bc))
            {
                // Leading zeros end a number early, exactly as graphql-js's loop does.
                long aNum = 0;
                do { ++ai; aNum = aNum * 10 + (ac - '0'); ac = ai < x.Length ? x[ai] : '\0'; }
                while (char.IsAsciiDigit(ac) && aNum > 0);
                long bNum = 0;
                do { ++bi; bNum = bNum * 10 + (bc - '0'); bc = bi < y.Length ? y[bi] : '\0'; }
                while (char.IsAsciiDigit(bc) && bNum > 0);
                if (aNum != bNum)
                    return aNum < bNum ? -1 : 1;
            }
            else
            {
                if (ac != bc)
                    return ac < bc ? -1 : 1;
                ++ai;
                ++bi;
            }
        }
        return x.Length - y.Length;
    }
}
