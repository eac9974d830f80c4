using System.Text;
using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.KopoKopo;

/// <summary>
/// One organization's Kopo Kopo application. <see cref="ApiKey"/> (separate from the client secret) signs
/// webhooks and callbacks. <see cref="TillNumber"/> is the online-payments till used for STK pushes
/// (K-prefixed, e.g. <c>K514459</c>); <see cref="WebhookTillNumber"/>, when set, scopes till webhooks to it,
/// otherwise webhooks are subscribed for the whole company.
/// </summary>
public sealed record KopoKopoCredentials : GatewayCredentials
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required string ApiKey { get; init; }

    public required string TillNumber { get; init; }

    public string? WebhookTillNumber { get; init; }

    internal string TokenCacheKey => $"kopokopo:{Environment}:{Common.SecretHash.Of(ClientId, ClientSecret)}";

    // Records print every property by default; secrets must never reach a log.
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TillNumber = {TillNumber}, WebhookTillNumber = {WebhookTillNumber}, Environment = {Environment}");
        return true;
    }
}
