using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>
/// An offline Daraja: OAuth, STK push and query, C2B URL registration and simulation, B2C and transaction
/// status, with Daraja's validation, error envelopes and callbacks. Outcomes follow <see cref="Simulation.SandboxScenarios"/>.
/// One class per endpoint group; <see cref="DarajaSimulatorGuard"/> holds what they share.
/// </summary>
public static class DarajaSimulatorEndpoints
{
    /// <summary>Mounts the simulator under <paramref name="prefix"/>; needs <c>AddDarajaSimulator()</c>.</summary>
    public static RouteGroupBuilder MapDarajaSimulator(this IEndpointRouteBuilder endpoints, string prefix = "/sandbox/daraja")
    {
        if (endpoints.ServiceProvider.GetService<DarajaSimulatorState>() is null)
        {
            throw new InvalidOperationException("Call services.AddDarajaSimulator() before MapDarajaSimulator().");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapGet("/oauth/v1/generate", DarajaOAuthEndpoint.GenerateToken);
        group.MapPost("/mpesa/stkpush/v1/processrequest", DarajaStkEndpoints.StkPush);
        group.MapPost("/mpesa/stkpushquery/v1/query", DarajaStkEndpoints.StkQuery);
        group.MapPost("/mpesa/c2b/{version}/registerurl", DarajaC2BEndpoints.RegisterUrl);
        group.MapPost("/mpesa/c2b/{version}/simulate", DarajaC2BEndpoints.SimulateC2B);
        group.MapPost("/mpesa/b2c/{version}/paymentrequest", DarajaB2CEndpoint.B2CPayment);
        group.MapPost("/mpesa/transactionstatus/v1/query", DarajaTransactionStatusEndpoint.TransactionStatus);
        return group;
    }
}
