using System.Text.Json;
using Hotspot.Api.Auth;

namespace Hotspot.Api.Events;

/// <summary>
/// Who a GraphQL socket or event stream belongs to. A socket sends its bearer token in the <c>connection_init</c>
/// payload (<c>{"Authorization": "Bearer ..."}</c>, or <c>authorization</c> or <c>token</c>), since browsers cannot set
/// headers on a WebSocket; an event stream sends the usual <c>Authorization</c> header. The token is put on the
/// connection's request, so the resolvers' <see cref="CurrentUser"/> reads it as for any request. Without a valid
/// token, or once the user is deactivated or the token expires, the answer is null: the connection is refused or ended.
/// </summary>
public static class SubscriberCredentials
{
    public static async ValueTask<string?> AuthenticateAsync(HttpContext context, JsonElement? initPayload, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (initPayload is { ValueKind: JsonValueKind.Object } payload)
        {
            var token = Read(payload, "Authorization") ?? Read(payload, "authorization") ?? Read(payload, "token");
            if (token is null) return null;
            context.Request.Headers.Authorization = token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? token : "Bearer " + token;
        }
        var user = await services.GetRequiredService<CurrentUser>().GetAsync(cancellationToken);
        return user?.Id.ToString();
    }

    private static string? Read(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
