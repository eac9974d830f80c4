namespace Hotspot.Domain.Payments;

/// <summary>The currencies the system knows by name. Purchases are priced, and paid, in Kenyan shillings only.</summary>
public static class Currencies
{
    public const string Kes = "KES";

    /// <summary>True for <c>KES</c> in any letter case, as providers write it; anything else never pays a purchase.</summary>
    public static bool IsKes(string? currency) => string.Equals(currency?.Trim(), Kes, StringComparison.OrdinalIgnoreCase);
}
