using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Api.Payments;

/// <summary>One organization's gateway for one method, with its decrypted credentials.</summary>
public sealed record OrganizationGateway(PaymentMethodType Method, IPaymentGateway Gateway, GatewayCredentials Credentials);
