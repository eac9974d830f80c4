using System.Text.Json;
using Hotspot.Providers.Daraja.Wire;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// An asynchronous result (B2C, transaction status, account balance, reversal), read. Parameters keep their
/// order and duplicates (the official status sample repeats <c>DebitPartyName</c>).
/// </summary>
/// <param name="ResultCode">Verbatim: <c>0</c>, <c>2001</c>, <c>R000002</c>, ...</param>
public sealed record DarajaResult(
    string ResultType,
    string ResultCode,
    string ResultDescription,
    string OriginatorConversationId,
    string ConversationId,
    string TransactionId,
    IReadOnlyList<DarajaKeyValue> Parameters,
    IReadOnlyList<DarajaKeyValue> References)
{
    public bool IsSuccess => ResultCode == "0";

    /// <summary>The first parameter with this key, as text (numbers as written), or null.</summary>
    public string? Parameter(string key) => Text(Parameters, key);

    public string? Reference(string key) => Text(References, key);

    private static string? Text(IReadOnlyList<DarajaKeyValue> pairs, string key)
    {
        foreach (var pair in pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return pair.Value switch
                {
                    { ValueKind: JsonValueKind.String } value => value.GetString(),
                    { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }
}
