namespace Hotspot.Providers.Daraja;

/// <summary>Old callbacks prefix descriptions with the system name, e.g. <c>[STK_CB - ]</c> or <c>[MpesaCB - ]</c>.</summary>
public static class ResultDescriptions
{
    public static string WithoutPrefix(string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return "";
        }

        if (description[0] == '[')
        {
            var end = description.IndexOf(']');
            if (end is > 0 and <= 24)
            {
                return description[(end + 1)..].TrimStart();
            }
        }

        return description;
    }
}
