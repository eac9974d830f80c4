using System.Security.Cryptography;

namespace Hotspot.Providers.Simulation;

/// <summary>Ids and receipt numbers that look like the providers' own.</summary>
public static class SimulatedIds
{
    private const string ReceiptAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Ten characters, like <c>NLJ7RT61SV</c>; the S prefix marks the simulator.</summary>
    public static string Receipt() => "S" + RandomNumberGenerator.GetString(ReceiptAlphabet, 9);

    public static string Hex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    /// <summary>Like <c>2654-4b64-97ff-b827b542881d3130</c>.</summary>
    public static string MerchantRequestId() => $"{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(20)}";

    /// <summary>Like <c>ws_CO_1007202409152617172396192</c>.</summary>
    public static string CheckoutRequestId(DateTimeOffset now) =>
        $"ws_CO_{now.ToOffset(TimeSpan.FromHours(3)):ddMMyyyyHHmmssfff}{RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}";

    /// <summary>Like <c>AG_20240706_20106e9209f64bebd05b</c>.</summary>
    public static string ConversationId(DateTimeOffset now) => $"AG_{now:yyyyMMdd}_{Hex(20)}";
}
