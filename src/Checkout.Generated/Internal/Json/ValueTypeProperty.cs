using System;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>
/// Reads and writes a model property typed with a generated value type (<c>Enum.liquid</c>) as the string it holds,
/// through compiled accessors: Newtonsoft then sees a string, so a value costs what a string property costs (no boxing,
/// no converter call). <see cref="CheckoutContractResolver"/> installs it.
/// </summary>
internal sealed class ValueTypeProperty : IValueProvider
{
    private readonly Func<object, string?> _get;
    private readonly Action<object, string?> _set;

    private ValueTypeProperty(Func<object, string?> get, Action<object, string?> set)
    {
        _get = get;
        _set = set;
    }

    /// <summary>Whether <paramref name="type"/> is a generated value type (serialised by <see cref="CheckoutValueConverter{T}"/>).</summary>
    public static bool IsValueType(Type type) =>
        type.IsValueType && type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is { IsGenericType: true } converter
        && converter.GetGenericTypeDefinition() == typeof(CheckoutValueConverter<>);

    /// <summary>The accessor of a read-write property typed with a value type (nullable or not), or null.</summary>
    public static ValueTypeProperty? For(MemberInfo member)
    {
        if (member is not PropertyInfo { CanRead: true, CanWrite: true } property || property.GetIndexParameters().Length > 0) return null;
        var underlying = Nullable.GetUnderlyingType(property.PropertyType);
        var type = underlying ?? property.PropertyType;
        if (!IsValueType(type)) return null;

        var target = Expression.Parameter(typeof(object), "target");
        var text = Expression.Parameter(typeof(string), "text");
        var access = Expression.Property(Expression.Convert(target, property.DeclaringType!), property);
        var jsonValue = type.GetProperty("JsonValue", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var none = Expression.Constant(null, typeof(string));
        Expression read = underlying is null
            ? Expression.Property(access, jsonValue)
            : Expression.Condition(Expression.Property(access, "HasValue"), Expression.Property(Expression.Property(access, "Value"), jsonValue), none);
        var created = Expression.New(type.GetConstructor([typeof(string)])!, text);
        var value = Expression.Condition(Expression.Equal(text, none), Expression.Default(property.PropertyType), Expression.Convert(created, property.PropertyType));
        return new ValueTypeProperty(
            Expression.Lambda<Func<object, string?>>(read, target).Compile(),
            Expression.Lambda<Action<object, string?>>(Expression.Assign(access, value), target, text).Compile());
    }

    public object? GetValue(object target) => _get(target);

    public void SetValue(object target, object? value) => _set(target, (string?)value);
}
