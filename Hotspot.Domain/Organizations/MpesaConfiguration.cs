using Hotspot.Domain.Payments;

namespace Hotspot.Domain.Organizations;

/// <summary>
/// An organization's own Safaricom Daraja credentials and settings. Secrets are plain here; the storage layer
/// encrypts them at rest and the API only ever shows them masked.
/// </summary>
public sealed class MpesaConfiguration
{
    private MpesaConfiguration()
    {
        ShortCode = ""; ConsumerKey = ""; ConsumerSecret = ""; Passkey = "";
    }

    public PaymentEnvironment Environment { get; private set; }

    /// <summary>The paybill number, or for Buy Goods the store (head office) number used as BusinessShortCode.</summary>
    public string ShortCode { get; private set; }

    public MpesaTransactionType TransactionType { get; private set; }

    /// <summary>The till customers pay into (PartyB); required for Buy Goods.</summary>
    public string? TillNumber { get; private set; }

    public string ConsumerKey { get; private set; }
    public string ConsumerSecret { get; private set; }
    public string Passkey { get; private set; }

    /// <summary>B2C (refund) initiator; optional.</summary>
    public string? InitiatorName { get; private set; }
    public string? InitiatorPassword { get; private set; }

    public bool CredentialsVerified { get; private set; }
    public DateTime? LastTestedAt { get; private set; }
    public string? LastTestError { get; private set; }

    public static MpesaConfiguration Create(
        PaymentEnvironment environment,
        string? shortCode,
        MpesaTransactionType transactionType,
        string? tillNumber,
        string? consumerKey,
        string? consumerSecret,
        string? passkey,
        string? initiatorName = null,
        string? initiatorPassword = null)
    {
        var errors = new List<string>();
        var code = shortCode?.Trim() ?? "";
        if (!IsBusinessNumber(code))
            errors.Add("shortCode must be 5 to 8 digits");
        var till = string.IsNullOrWhiteSpace(tillNumber) ? null : tillNumber.Trim();
        if (transactionType == MpesaTransactionType.BuyGoods && till is null)
            errors.Add("tillNumber is required for BUY_GOODS");
        if (till is not null && !IsBusinessNumber(till))
            errors.Add("tillNumber must be 5 to 8 digits");
        RequireText(consumerKey, "consumerKey", errors);
        RequireText(consumerSecret, "consumerSecret", errors);
        RequireText(passkey, "passkey", errors);
        var initiator = string.IsNullOrWhiteSpace(initiatorName) ? null : initiatorName.Trim();
        var initiatorSecret = string.IsNullOrEmpty(initiatorPassword) ? null : initiatorPassword;
        if ((initiator is null) != (initiatorSecret is null))
            errors.Add("initiatorName and initiatorPassword go together");
        if (errors.Count > 0)
            throw DomainException.Validation("Invalid M-Pesa configuration: " + string.Join("; ", errors) + ".");

        return new MpesaConfiguration
        {
            Environment = environment,
            ShortCode = code,
            TransactionType = transactionType,
            TillNumber = till,
            ConsumerKey = consumerKey!.Trim(),
            ConsumerSecret = consumerSecret!.Trim(),
            Passkey = passkey!.Trim(),
            InitiatorName = initiator,
            InitiatorPassword = initiatorSecret,
        };
    }

    /// <summary>The party that receives the money: the till for Buy Goods, else the short code.</summary>
    public string ReceivingParty => TransactionType == MpesaTransactionType.BuyGoods ? TillNumber! : ShortCode;

    public bool CanRefund => InitiatorName is not null && InitiatorPassword is not null;

    internal void RecordCredentialTest(DateTime at, string? error)
    {
        LastTestedAt = at;
        LastTestError = error;
        CredentialsVerified = error is null;
    }

    private static bool IsBusinessNumber(string value) =>
        value.Length is >= 5 and <= 8 && value.All(char.IsAsciiDigit);

    private static void RequireText(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{name} is required");
        else if (value.Length > 512)
            errors.Add($"{name} is too long");
    }
}
