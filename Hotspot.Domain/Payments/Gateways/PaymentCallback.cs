namespace Hotspot.Domain.Payments.Gateways;

/// <summary>A callback exactly as received: the raw body bytes (signatures are computed over them) and headers.</summary>
/// <param name="Headers">Request headers; looked up case-insensitively.</param>
public sealed record PaymentCallback(ReadOnlyMemory<byte> RawBody, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
