namespace Hotspot.Domain.Transactions;

/// <summary>Which Daraja message a stored M-Pesa transaction came from.</summary>
public enum MpesaTransactionKind
{
    StkCallback,
    C2BValidation,
    C2BConfirmation,
    B2CResult,
    B2CTimeout,
    TransactionStatusResult,
}
