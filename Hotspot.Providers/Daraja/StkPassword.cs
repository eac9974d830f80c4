using System.Globalization;
using System.Text;

namespace Hotspot.Providers.Daraja;

/// <summary>The STK push password: base64(short code + passkey + timestamp), timestamp in East Africa Time.</summary>
public static class StkPassword
{
    private static readonly TimeSpan EastAfricaTime = TimeSpan.FromHours(3);

    /// <summary><c>yyyyMMddHHmmss</c> in EAT (UTC+3, no daylight saving): a UTC stamp looks three hours old to Daraja.</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.ToOffset(EastAfricaTime).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string Create(string shortCode, string passKey, string timestamp) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(shortCode + passKey + timestamp));

    /// <summary>Reads a Daraja timestamp (EAT) such as <c>20191219102115</c>.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || text.Length != 14
            || !DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local < DateTime.MinValue + EastAfricaTime) // 00010101000000 EAT is before the first representable UTC instant
        {
            return false;
        }

        value = new DateTimeOffset(local, EastAfricaTime);
        return true;
    }
}
