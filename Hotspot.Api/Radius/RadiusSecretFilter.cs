using Hotspot.Domain.Secrets;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Radius;

/// <summary>Lets a request through only with the configured shared secret in <see cref="RadiusOptions.SecretHeader"/>.</summary>
internal sealed class RadiusSecretFilter(IOptions<RadiusOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var secret = options.Value.SharedSecret;
        if (string.IsNullOrEmpty(secret))
            return TypedResults.Problem("RADIUS is not configured on this server.", statusCode: StatusCodes.Status503ServiceUnavailable);
        var presented = context.HttpContext.Request.Headers[RadiusOptions.SecretHeader].ToString();
        if (!ConstantTime.Matches(presented, secret))
            return TypedResults.Problem("Missing or wrong RADIUS secret.", statusCode: StatusCodes.Status403Forbidden);
        return await next(context);
    }
}
