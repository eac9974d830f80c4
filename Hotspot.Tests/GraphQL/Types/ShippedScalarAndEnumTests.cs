using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.Tests.GraphQL.Types;

public sealed class ShippedScalarAndEnumTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        scalar DateTime
        scalar Long
        enum PaymentMethod { MPESA KOPO_KOPO CASH }
        type Query { at: DateTime total: Long method: PaymentMethod }
        """);

    private static ScalarType DateTime => (ScalarType)Schema.GetType("DateTime")!;

    private static ScalarType Long => (ScalarType)Schema.GetType("Long")!;

    private static EnumType Method => (EnumType)Schema.GetType("PaymentMethod")!;

    [TestCase("2026-11-23T13:45:00Z", "2026-11-23T13:45:00Z")]
    [TestCase("2026-11-23T16:45:00.5+03:00", "2026-11-23T16:45:00.5+03:00")]
    [TestCase("2026-11-23t13:45:00.123456789z", "2026-11-23T13:45:00.1234567Z")]
    public void DateTime_accepts_RFC_3339_and_prints_ISO_8601(string input, string printed)
    {
        var value = (DateTimeOffset)DateTime.ParseValue(input)!;
        Assert.That(DateTime.Serialize(value), Is.EqualTo(printed));
        Assert.That(DateTime.ParseLiteral(new StringValueNode(default, input, false)), Is.EqualTo(value));
    }

    [TestCase("2026-11-23")]
    [TestCase("2026-11-23T13:45:00")]
    [TestCase("2026-13-23T13:45:00Z")]
    [TestCase("yesterday")]
    public void DateTime_refuses_strings_that_are_not_instants(string input)
    {
        Assert.That(() => DateTime.ParseValue(input), Throws.TypeOf<GraphQLCoercionException>()
            .With.Message.EqualTo($"DateTime cannot represent an invalid date-time string: \"{input}\""));
    }

    [Test]
    public void DateTime_serializes_CLR_dates_and_refuses_other_values()
    {
        var utc = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        Assert.That(DateTime.Serialize(utc), Is.EqualTo("2026-11-23T10:00:00Z"));
        Assert.That(DateTime.Serialize(new DateTimeOffset(utc).ToOffset(TimeSpan.FromHours(3))), Is.EqualTo("2026-11-23T13:00:00+03:00"));
        Assert.That(() => DateTime.Serialize(42), Throws.TypeOf<GraphQLCoercionException>().With.Message.EqualTo("DateTime cannot represent value: 42"));
        Assert.That(() => DateTime.ParseValue(42), Throws.TypeOf<GraphQLCoercionException>().With.Message.EqualTo("DateTime cannot represent non-string value: 42"));
        Assert.That(() => DateTime.ParseLiteral(new IntValueNode(default, "1")), Throws.TypeOf<GraphQLCoercionException>());
    }

    [Test]
    public void Long_is_a_64_bit_integer()
    {
        Assert.That(Long.ParseLiteral(new IntValueNode(default, "9223372036854775807")), Is.EqualTo(long.MaxValue));
        Assert.That(Long.ParseValue(System.Text.Json.JsonDocument.Parse("-9223372036854775808").RootElement), Is.EqualTo(long.MinValue));
        Assert.That(Long.Serialize(3_000_000_000L), Is.EqualTo(3_000_000_000L));
        Assert.That(Long.Serialize(12), Is.EqualTo(12L));
        Assert.That(Long.ParseValue(2.0), Is.EqualTo(2L));
        Assert.That(() => Long.ParseLiteral(new IntValueNode(default, "9223372036854775808")), Throws.TypeOf<GraphQLCoercionException>()
            .With.Message.EqualTo("Long cannot represent non 64-bit signed integer value: 9223372036854775808"));
        Assert.That(() => Long.ParseValue(1.5), Throws.TypeOf<GraphQLCoercionException>()
            .With.Message.EqualTo("Long cannot represent non-integer value: 1.5"));
        Assert.That(() => Long.ParseValue("12"), Throws.TypeOf<GraphQLCoercionException>());
        Assert.That(() => Long.ParseLiteral(new FloatValueNode(default, "1.0")), Throws.TypeOf<GraphQLCoercionException>());
    }

    private enum PaymentMethod
    {
        Mpesa,
        KopoKopo,
    }

    [Test]
    public void Enums_serialize_names_and_CLR_enums_and_parse_names()
    {
        Assert.That(Method.Serialize("CASH"), Is.EqualTo("CASH"));
        Assert.That(Method.Serialize(PaymentMethod.KopoKopo), Is.EqualTo("KOPO_KOPO"));
        Assert.That(Method.Serialize(PaymentMethod.Mpesa), Is.EqualTo("MPESA"));
        Assert.That(Method.ParseValue("MPESA"), Is.EqualTo("MPESA"));
        Assert.That(Method.ParseLiteral(new EnumValueNode(default, "CASH")), Is.EqualTo("CASH"));
        Assert.That(() => Method.Serialize("cash"), Throws.TypeOf<GraphQLCoercionException>()
            .With.Message.EqualTo("Enum \"PaymentMethod\" cannot represent value: \"cash\""));
        Assert.That(() => Method.ParseValue("MPESSA"), Throws.TypeOf<GraphQLCoercionException>()
            .With.Message.EqualTo("Value \"MPESSA\" does not exist in \"PaymentMethod\" enum. Did you mean the enum value \"MPESA\"?"));
        Assert.That(() => Method.ParseLiteral(new StringValueNode(default, "CASH", false)), Throws.TypeOf<GraphQLCoercionException>()
            .With.Message.EqualTo("Enum \"PaymentMethod\" cannot represent non-enum value: \"CASH\". Did you mean the enum value \"CASH\"?"));
    }
}
