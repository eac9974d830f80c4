namespace Hotspot.Domain.Payments;

/// <summary>How an M-Pesa short code receives money: a paybill, or a till (Buy Goods).</summary>
public enum MpesaTransactionType
{
    Paybill,
    BuyGoods,
}
