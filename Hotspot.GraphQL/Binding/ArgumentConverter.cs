using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Hotspot.GraphQL.Execution;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Turns coerced input values (int, double, string, bool, enum names, dictionaries for input objects, arrays for
/// lists) into the CLR type a resolver asks for: numbers widen, enum names map to CLR enums (case and underscores
/// ignored), lists to arrays or lists, input objects to records (constructor parameters or settable properties).
/// </summary>
internal static class ArgumentConverter
{
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyDictionary<string, object?>, object>> ObjectFactories = new();

    public static T Convert<T>(object? value, string name)
    {
        if (value is T typed) return typed;
        if (value is null)
        {
            if (default(T) is null) return default!;
            throw new GraphQLException($"Argument \"{name}\" is null but {typeof(T).Name} cannot be null.");
        }
        return (T)Convert(value, typeof(T), name)!;
    }

    public static object? Convert(object? value, Type target, string name)
    {
        if (value is null) return null;
        if (target.IsInstanceOfType(value)) return value;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            if (underlying.IsEnum && value is string enumName) return ParseEnum(underlying, enumName, name);
            if (value is IConvertible && (underlying.IsPrimitive || underlying == typeof(decimal)))
                return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
            if (underlying == typeof(string) && value is IFormattable formattable)
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            if (value is object?[] items && underlying != typeof(string))
            {
                var element = ElementType(underlying);
                if (element is not null)
                {
                    var array = Array.CreateInstance(element, items.Length);
                    for (int i = 0; i < items.Length; i++) array.SetValue(Convert(items[i], element, name), i);
                    if (underlying.IsAssignableFrom(array.GetType())) return array;
                    var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                    foreach (var item in array) list.Add(item);
                    return list;
                }
            }
            if (value is IReadOnlyDictionary<string, object?> fields && !underlying.IsPrimitive)
                return ObjectFactories.GetOrAdd(underlying, CreateFactory)(fields);
        }
        catch (GraphQLException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new GraphQLException($"Argument \"{name}\" cannot be read as {target.Name}: {ex.Message}");
        }
        throw new GraphQLException($"Argument \"{name}\" cannot be read as {target.Name}.");
    }

    private static object ParseEnum(Type enumType, string graphQLName, string name)
    {
        var loose = graphQLName.Replace("_", "", StringComparison.Ordinal);
        foreach (var member in Enum.GetNames(enumType))
        {
            if (string.Equals(member, loose, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(member, graphQLName, StringComparison.OrdinalIgnoreCase))
                return Enum.Parse(enumType, member);
        }
        throw new GraphQLException($"Argument \"{name}\": {enumType.Name} has no member for \"{graphQLName}\".");
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && type.GetGenericArguments().Length == 1)
        {
            var element = type.GetGenericArguments()[0];
            if (type.IsAssignableFrom(typeof(List<>).MakeGenericType(element))) return element;
        }
        return null;
    }

    private static Func<IReadOnlyDictionary<string, object?>, object> CreateFactory(Type type)
    {
        var constructors = type.GetConstructors();
        var best = constructors.OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (best is null) throw new GraphQLException($"{type.Name} has no public constructor.");
        var parameters = best.GetParameters();
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToArray();
        return fields =>
        {
            var args = new object?[parameters.Length];
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                if (TryGet(fields, parameter.Name!, out var raw))
                {
                    args[i] = Convert(raw, parameter.ParameterType, parameter.Name!);
                    used.Add(parameter.Name!);
                }
                else if (parameter.HasDefaultValue) args[i] = parameter.DefaultValue;
                else args[i] = parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
            }
            var instance = best.Invoke(args);
            foreach (var property in settable)
            {
                if (used.Contains(property.Name) || !TryGet(fields, property.Name, out var raw)) continue;
                property.SetValue(instance, Convert(raw, property.PropertyType, property.Name));
            }
            return instance;
        };
    }

    private static bool TryGet(IReadOnlyDictionary<string, object?> fields, string name, out object? value)
    {
        if (fields.TryGetValue(name, out value)) return true;
        foreach (var pair in fields)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
        }
        return false;
    }
}
