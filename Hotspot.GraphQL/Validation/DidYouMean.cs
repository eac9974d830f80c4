namespace Hotspot.GraphQL.Validation;

/// <summary>Formats suggestions as graphql-js does: <c> Did you mean "A", "B", or "C"?</c> (at most five).</summary>
internal static class DidYouMean
{
    private const int MaxSuggestions = 5;

    public static string Format(IReadOnlyList<string> suggestions) => Format(null, suggestions);

    public static string Format(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
            return "";
        var sb = new System.Text.StringBuilder(" Did you mean ");
        if (subMessage is not null)
            sb.Append(subMessage).Append(' ');
        if (suggestions.Count == 1)
            return sb.Append('"').Append(suggestions[0]).Append("\"?").ToString();
        if (suggestions.Count == 2)
            return sb.Append('"').Append(suggestions[0]).Append("\" or \"").Append(suggestions[1]).Append("\"?").ToString();

        int count = Math.Min(suggestions.Count, MaxSuggestions);
        for (int i = 0; i < count - 1; i++)
            sb.Append('"').Append(suggestions[i]).Append("\", ");
        return sb.Append("or \"").Append(suggestions[count - 1]).Append("\"?").ToString();
    }
}
