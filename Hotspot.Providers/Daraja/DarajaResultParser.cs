using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// Reads the result Daraja posts to a ResultURL: <c>{"Result":{...}}</c>, or the inner object alone.
/// <c>ResultParameter</c> and <c>ReferenceItem</c> may be arrays or single objects; codes numbers or strings.
/// </summary>
public static class DarajaResultParser
{
    public static GatewayResult<DarajaResult> Parse(ReadOnlySpan<byte> body)
    {
        if (!UntrustedJson.TryParse(body, out var document, out var problem))
        {
            return GatewayErrors.InvalidCallback(problem);
        }

        using var _ = document;
        DarajaResultWire? wire;
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return GatewayErrors.InvalidCallback("The Daraja result is not a JSON object.");
            }

            var inner = root.TryGetProperty("Result", out var result) ? result : root;
            wire = inner.Deserialize(DarajaJsonContext.Default.DarajaResultWire);
        }
        catch (JsonException)
        {
            return GatewayErrors.InvalidCallback("The Daraja result is not valid JSON of the expected shape.");
        }

        if (wire is null || string.IsNullOrEmpty(wire.ResultCode) || (wire.ConversationID is null && wire.OriginatorConversationID is null))
        {
            return GatewayErrors.InvalidCallback("The Daraja result has no ResultCode or conversation ids.");
        }

        return GatewayResult<DarajaResult>.Success(new DarajaResult(
            wire.ResultType ?? "",
            wire.ResultCode,
            ResultDescriptions.WithoutPrefix(wire.ResultDesc),
            wire.OriginatorConversationID ?? "",
            wire.ConversationID ?? "",
            wire.TransactionID ?? "",
            wire.ResultParameters?.ResultParameter ?? [],
            wire.ReferenceData?.ReferenceItem ?? []));
    }
}
