using System.Text;
using System.Text.Json.Serialization;
using Hotspot.Providers.Common;
using Refit;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary><c>POST /oauth/token</c>, sent as a form (<c>application/x-www-form-urlencoded</c>).</summary>
public sealed record KopoKopoTokenRequest(
    [property: AliasAs("client_id")] string ClientId,
    [property: AliasAs("client_secret")] string ClientSecret,
    [property: AliasAs("grant_type")] string GrantType)
{
    // Records print every property by default; the client secret must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ClientId = {ClientId}, GrantType = {GrantType}");
        return true;
    }
}

/// <summary><c>POST /oauth/token</c>; <c>created_at</c> is an ISO string or an epoch number.</summary>
public sealed record KopoKopoTokenResponse(
    string? TokenType,
    long ExpiresIn,
    string? AccessToken,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? CreatedAt);

/// <summary><c>GET /oauth/token/info</c>.</summary>
public sealed record KopoKopoTokenInfo(
    string? ResourceOwnerId,
    List<string>? Scope,
    long ExpiresIn,
    KopoKopoTokenApplication? Application,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? CreatedAt);

public sealed record KopoKopoTokenApplication(string? Uid);

/// <summary><c>POST /oauth/introspect</c>.</summary>
public sealed record KopoKopoTokenIntrospection(
    bool Active,
    string? Scope,
    string? ClientId,
    string? TokenType,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Exp,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Iat);
