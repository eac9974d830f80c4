using System.Security.Cryptography;

namespace Hotspot.Domain.Vouchers;

/// <summary>
/// Makes voucher codes from a cryptographic random number generator: codes are bearer tokens, so they must not
/// be predictable. Uniqueness is enforced by the database; a caller retries on the rare collision.
/// </summary>
public static class VoucherCodeGenerator
{
    public static string ForPurchase(string? prefix = null) => Generate(VoucherCode.PurchaseLength, prefix);

    public static string ForBatch(string? prefix = null) => Generate(VoucherCode.BatchLength, prefix);

    /// <param name="randomLength">Random characters; a prefix comes on top and never replaces them.</param>
    public static string Generate(int randomLength, string? prefix = null)
    {
        if (randomLength is < 6 or > 32)
            throw new ArgumentOutOfRangeException(nameof(randomLength), "Codes have 6 to 32 random characters.");
        var normalizedPrefix = VoucherCode.NormalizePrefix(prefix) ?? "";
        return normalizedPrefix + RandomNumberGenerator.GetString(VoucherCode.Alphabet, randomLength);
    }
}
