namespace Hotspot.Domain.Transactions;

/// <summary>Which Kopo Kopo message a stored transaction came from (shown as <c>KOPOKOPO_BUYGOODS</c> etc.).</summary>
public enum KopoKopoTransactionType
{
    BuyGoods,
    B2B,
    Settlement,
    Customer,
    IncomingPayment,
    SendMoney,
    M2M,
}
