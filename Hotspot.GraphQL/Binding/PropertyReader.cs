using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// The default resolver of one field: reads the value named like the field from the parent, as graphql-js's
/// default resolver reads a property. Parents may be CLR objects (public property or field, case-insensitive),
/// string-keyed dictionaries, or JSON objects (<see cref="JsonElement"/>). Accessors for CLR types are compiled
/// once per type and kept in a one-entry cache in front of a shared dictionary, so a call does no reflection.
/// </summary>
internal sealed class PropertyReader
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    private readonly string _name;
    private readonly byte[] _utf8Name;
    private readonly ConcurrentDictionary<Type, AccessorEntry> _byType = new();
    private AccessorEntry? _last;

    public PropertyReader(string name)
    {
        _name = name;
        _utf8Name = System.Text.Encoding.UTF8.GetBytes(name);
    }

    private sealed record AccessorEntry(Type Type, Func<object, object?>? Accessor);

    /// <summary>The field's value, or null when the parent has no such member.</summary>
    public object? Read(object? parent)
    {
        switch (parent)
        {
            case null:
                return null;
            case JsonElement json:
                return json.ValueKind == JsonValueKind.Object && json.TryGetProperty(_utf8Name, out var property)
                    ? property
                    : null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(_name, out var value) ? value : null;
            case IDictionary<string, object?> map:
                return map.TryGetValue(_name, out var value2) ? value2 : null;
        }
        var type = parent.GetType();
        var last = _last;
        if (last is null || last.Type != type)
        {
            // Parents of several CLR types (unions, interfaces): entries are kept, so switching costs no allocation.
            if (!_byType.TryGetValue(type, out last))
            {
                last = new AccessorEntry(type, Accessors.GetOrAdd((type, _name), static key => Compile(key.Item1, key.Item2)));
                _byType.TryAdd(type, last);
            }
            _last = last;
        }
        return last.Accessor?.Invoke(parent);
    }

    /// <summary>The JSON property named like the field, without boxing; false when absent.</summary>
    public bool TryReadJson(JsonElement parent, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(_utf8Name, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>True when values of <paramref name="type"/> have a member this reader can read.</summary>
    public static bool CanRead(Type type, string name) =>
        typeof(JsonElement) == type || typeof(IDictionary).IsAssignableFrom(type) ||
        typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(type) ||
        FindMember(type, name) is not null;

    private static MemberInfo? FindMember(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        var property = type.GetProperty(name, flags);
        if (property is not null && property.GetMethod is not null && property.GetIndexParameters().Length == 0)
            return property;
        return type.GetField(name, flags);
    }

    private static Func<object, object?>? Compile(Type type, string name)
    {
        MemberInfo? member;
        try
        {
            member = FindMember(type, name);
        }
        catch (AmbiguousMatchException)
        {
            // Two members differ only by case: prefer the exact name.
            member = type.GetProperty(name) ?? (MemberInfo?)type.GetField(name);
        }
        if (member is null) return null;
        var parameter = Expression.Parameter(typeof(object), "parent");
        var typed = Expression.Convert(parameter, type);
        Expression access = member is PropertyInfo p ? Expression.Property(typed, p) : Expression.Field(typed, (FieldInfo)member);
        var body = Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }
}
