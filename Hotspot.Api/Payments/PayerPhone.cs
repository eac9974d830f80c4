using System.Security.Cryptography;
using System.Text;
using Hotspot.Domain.Phones;

namespace Hotspot.Api.Payments;

/// <summary>
/// Whether the number a customer typed is the payer's number a provider reported. Daraja reports it in full, masked
/// (<c>2547******123</c> or <c>2547 ***** 123</c>: the visible head and tail must match, and at least three subscriber
/// digits must show) or, in C2B v1, as the
/// SHA-256 hex of the number; Kopo Kopo in full, sometimes with a plus.
/// </summary>
public static class PayerPhone
{
    /// <summary>Fewer visible subscriber digits than this would let almost any number match.</summary>
    private const int MinVisibleSubscriberDigits = 3;

    public static bool Matches(string? reported, KenyanPhoneNumber typed)
    {
        if (string.IsNullOrWhiteSpace(reported) || typed.Value is null)
            return false;
        var compact = reported.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).TrimStart('+');
        if (compact.Length == 64 && compact.All(char.IsAsciiHexDigit))
            return string.Equals(compact, Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(typed.Value))), StringComparison.OrdinalIgnoreCase);
        if (!compact.Contains('*'))
            return KenyanPhoneNumber.TryParse(compact, out var full) && full.Value == typed.Value;
        // One run of stars between the visible head and tail; Daraja's number of stars varies.
        var head = compact[..compact.IndexOf('*')];
        var tail = compact[(compact.LastIndexOf('*') + 1)..];
        if (!compact[head.Length..^tail.Length].All(c => c == '*') || !head.All(char.IsAsciiDigit) || !tail.All(char.IsAsciiDigit))
            return false;
        if (head.StartsWith('0'))
            head = "254" + head[1..];
        if (head.Length + tail.Length >= typed.Value.Length || !typed.Value.StartsWith(head, StringComparison.Ordinal)
            || !typed.Value.EndsWith(tail, StringComparison.Ordinal))
            return false;
        var visibleSubscriberDigits = Math.Max(0, head.Length - 3) + tail.Length;
        return visibleSubscriberDigits >= MinVisibleSubscriberDigits;
    }
}
