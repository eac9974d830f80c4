namespace Hotspot.GraphQL.Language;

/// <summary>
/// A lock-free cache of name strings keyed by their UTF-8 bytes, so that parsing the same documents again does
/// not allocate a string per name. Slots are overwritten on collision; a race only costs an extra string.
/// </summary>
internal static class NameTable
{
    private const int SlotCount = 8192;
    private const int MaxCachedLength = 64;
    private static readonly string?[] Slots = new string?[SlotCount];

    public static string Get(ReadOnlySpan<byte> name)
    {
        if (name.Length > MaxCachedLength)
        {
            return Create(name);
        }

        var hash = 2166136261u;
        foreach (var b in name)
        {
            hash = (hash ^ b) * 16777619u;
        }

        ref var slot = ref Slots[hash & (SlotCount - 1)];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && SameName(cached, name))
        {
            return cached;
        }

        var created = Create(name);
        Volatile.Write(ref slot, created);
        return created;
    }

    private static bool SameName(string cached, ReadOnlySpan<byte> name)
    {
        if (cached.Length != name.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (cached[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    // Names are ASCII only ([_A-Za-z][_0-9A-Za-z]*), so each byte is one char.
    private static string Create(ReadOnlySpan<byte> name) => System.Text.Encoding.ASCII.GetString(name);
}
