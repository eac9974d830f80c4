namespace Hotspot.Providers.KopoKopo;

/// <summary>The six v1 webhook event types, and which are scoped to a till.</summary>
public static class KopoKopoWebhookEvents
{
    public const string BuygoodsTransactionReceived = "buygoods_transaction_received";
    public const string BuygoodsTransactionReversed = "buygoods_transaction_reversed";
    public const string B2BTransactionReceived = "b2b_transaction_received";
    public const string M2MTransactionReceived = "m2m_transaction_received";
    public const string SettlementTransferCompleted = "settlement_transfer_completed";
    public const string CustomerCreated = "customer_created";

    public static readonly IReadOnlyList<string> All =
    [
        BuygoodsTransactionReceived, BuygoodsTransactionReversed, B2BTransactionReceived,
        M2MTransactionReceived, SettlementTransferCompleted, CustomerCreated,
    ];

    /// <summary>Events that may be scoped to a till (<c>scope: till</c>); the others are company-wide.</summary>
    public static bool IsTillScoped(string eventType) =>
        eventType is BuygoodsTransactionReceived or BuygoodsTransactionReversed or B2BTransactionReceived;
}
