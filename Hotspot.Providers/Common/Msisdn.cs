using System.Diagnostics.CodeAnalysis;

namespace Hotspot.Providers.Common;

/// <summary>
/// The phone number shape both providers accept: <c>254</c> then a 7 or 1 then 8 digits (12 digits, no plus).
/// Normalising user input is the domain's job; the clients only refuse anything else.
/// </summary>
public static class Msisdn
{
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (value is null || value.Length != 12 || !value.StartsWith("254", StringComparison.Ordinal))
        {
            return false;
        }

        if (value[3] != '7' && value[3] != '1')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
