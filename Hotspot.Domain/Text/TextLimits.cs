namespace Hotspot.Domain.Text;

/// <summary>Shortens text for storage without ever cutting a UTF-16 surrogate pair in half (a lone half cannot be stored).</summary>
public static class TextLimits
{
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var end = maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..end];
    }
}
