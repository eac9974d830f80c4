namespace Hotspot.Domain.Phones;

/// <summary>
/// A Kenyan mobile number in the international form M-Pesa expects: <c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>.
/// </summary>
public readonly record struct KenyanPhoneNumber
{
    public const string AcceptedFormats =
        "07XXXXXXXX, 01XXXXXXXX, 7XXXXXXXX, 1XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +2547XXXXXXXX/+2541XXXXXXXX (spaces and dashes allowed)";

    private KenyanPhoneNumber(string value) => Value = value;

    /// <summary>The normalised number, twelve digits starting with 254.</summary>
    public string Value { get; }

    public override string ToString() => Value;

    public static KenyanPhoneNumber Parse(string? input) =>
        TryParse(input, out var number)
            ? number
            : throw DomainException.Validation($"'{Describe(input)}' is not a Kenyan mobile number. Use {AcceptedFormats}.");

    public static bool TryParse(string? input, out KenyanPhoneNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
            return false;

        var trimmed = input.Trim();
        var hasPlus = trimmed.StartsWith('+');
        if (hasPlus)
            trimmed = trimmed[1..];

        Span<char> digits = stackalloc char[32];
        var count = 0;
        foreach (var c in trimmed)
        {
            if (c is ' ' or '-')
                continue;
            if (!char.IsAsciiDigit(c))
                return false;
            digits[count++] = c;
        }

        var text = new string(digits[..count]);
        string subscriber; // nine digits starting with 7 or 1
        if (text.Length == 12 && text.StartsWith("254", StringComparison.Ordinal))
            subscriber = text[3..];
        else if (hasPlus)
            return false; // a plus must be followed by the country code
        else if (text.Length == 10 && text[0] == '0')
            subscriber = text[1..];
        else if (text.Length == 9)
            subscriber = text;
        else
            return false;

        if (subscriber[0] is not ('7' or '1'))
            return false;
        number = new KenyanPhoneNumber("254" + subscriber);
        return true;
    }

    // Echo back a bounded amount of input so error messages stay readable.
    private static string Describe(string? input) =>
        input is null ? "" : input.Length <= 32 ? input : input[..32] + "…";
}
