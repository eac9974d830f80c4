using System.Text;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// One organization's Daraja app and short code. For a till (<see cref="MpesaTransactionType.BuyGoods"/>),
/// <see cref="ShortCode"/> is the store (head office) number and <see cref="TillNumber"/> the till that
/// receives the money. The initiator fields are needed only for B2C refunds and transaction status.
/// </summary>
public sealed record DarajaCredentials : GatewayCredentials
{
    public required string ConsumerKey { get; init; }

    public required string ConsumerSecret { get; init; }

    public required string ShortCode { get; init; }

    public required string PassKey { get; init; }

    public MpesaTransactionType TransactionType { get; init; } = MpesaTransactionType.Paybill;

    public string? TillNumber { get; init; }

    public string? InitiatorName { get; init; }

    public string? InitiatorPassword { get; init; }

    /// <summary>The B2C short code money is sent from; defaults to <see cref="ShortCode"/>.</summary>
    public string? B2CShortCode { get; init; }

    /// <summary>Names the token in the shared cache without revealing the secret.</summary>
    internal string TokenCacheKey => $"daraja:{Environment}:{Common.SecretHash.Of(ConsumerKey, ConsumerSecret)}";

    // Records print every property by default; secrets must never reach a log.
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ShortCode = {ShortCode}, TransactionType = {TransactionType}, TillNumber = {TillNumber}, Environment = {Environment}");
        return true;
    }
}
