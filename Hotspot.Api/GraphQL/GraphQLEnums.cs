using Hotspot.Domain.Transactions;

namespace Hotspot.Api.GraphQL;

/// <summary>GraphQL enum names to and from the domain's enums (SCREAMING_SNAKE against PascalCase).</summary>
public static class GraphQLEnums
{
    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum
    {
        var loose = name.Replace("_", "", StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
            if (string.Equals(value.ToString(), loose, StringComparison.OrdinalIgnoreCase)) return value;
        throw GraphQLErrors.Validation($"\"{name}\" is not a {typeof(TEnum).Name}.");
    }

    public static Func<string, object> Parser<TEnum>() where TEnum : struct, Enum => name => Parse<TEnum>(name);

    // Kopo Kopo types carry the provider's prefix in the contract (KOPOKOPO_BUYGOODS, KOPOKOPO_INCOMING_PAYMENT).
    private static readonly Dictionary<KopoKopoTransactionType, string> KopoKopoNames = new()
    {
        [KopoKopoTransactionType.BuyGoods] = "KOPOKOPO_BUYGOODS",
        [KopoKopoTransactionType.B2B] = "KOPOKOPO_B2B",
        [KopoKopoTransactionType.Settlement] = "KOPOKOPO_SETTLEMENT",
        [KopoKopoTransactionType.Customer] = "KOPOKOPO_CUSTOMER",
        [KopoKopoTransactionType.IncomingPayment] = "KOPOKOPO_INCOMING_PAYMENT",
        [KopoKopoTransactionType.SendMoney] = "KOPOKOPO_SEND_MONEY",
        [KopoKopoTransactionType.M2M] = "KOPOKOPO_M2M",
    };

    public static string Name(KopoKopoTransactionType type) => KopoKopoNames[type];

    public static object ParseKopoKopoType(string name) =>
        KopoKopoNames.FirstOrDefault(p => p.Value == name) is { Value: not null } pair
            ? pair.Key
            : throw GraphQLErrors.Validation($"\"{name}\" is not a KopoKopoTransactionType.");
}
