using System.Globalization;
using System.Text.RegularExpressions;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// <c>DateTime</c>: an instant as an ISO-8601 / RFC 3339 string with a required offset
/// (<c>2026-11-23T13:45:00Z</c>, <c>2026-11-23T16:45:00.5+03:00</c>). Input is parsed to a
/// <see cref="DateTimeOffset"/>; output accepts <see cref="DateTimeOffset"/>, <see cref="DateTime"/> (unspecified
/// kinds are taken as UTC) and valid strings.
/// </summary>
public sealed partial class DateTimeCoercion : ScalarCoercion
{
    public override object? Serialize(object? value) => InputValues.Unwrap(value) switch
    {
        DateTimeOffset offset => Format(offset),
        DateTime dateTime => Format(dateTime.Kind == DateTimeKind.Local
            ? new DateTimeOffset(dateTime)
            : new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc))),
        string text => TryParse(text, out var parsed)
            ? Format(parsed)
            : throw new GraphQLCoercionException($"DateTime cannot represent an invalid date-time string: {ValueInspector.Inspect(text)}"),
        var other => throw new GraphQLCoercionException($"DateTime cannot represent value: {ValueInspector.Inspect(other)}"),
    };

    public override object? ParseValue(object? value) => InputValues.Unwrap(value) switch
    {
        string text => TryParse(text, out var parsed)
            ? parsed
            : throw new GraphQLCoercionException($"DateTime cannot represent an invalid date-time string: {ValueInspector.Inspect(text)}"),
        var other => throw new GraphQLCoercionException($"DateTime cannot represent non-string value: {ValueInspector.Inspect(other)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s
            ? ParseValue(s.Value)
            : throw new GraphQLCoercionException($"DateTime cannot represent non-string value: {Printer.Print(literal)}");

    public static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // .NET keeps 7 fractional digits; RFC 3339 allows more, which are truncated.
        var fraction = match.Groups["fraction"].Value;
        if (fraction.Length > 8)
        {
            fraction = fraction[..8];
        }

        var zone = match.Groups["zone"].Value;
        var normalized = match.Groups["date"].Value + "T" + match.Groups["time"].Value + fraction +
                         (zone is "Z" or "z" ? "+00:00" : zone);
        return DateTimeOffset.TryParseExact(
            normalized,
            fraction.Length > 0 ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz" : "yyyy-MM-dd'T'HH:mm:sszzz",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt](?<time>\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<zone>[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
