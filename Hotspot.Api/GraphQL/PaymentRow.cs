using Hotspot.Domain.Organizations;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// A row of either provider table in the shape both share, so the two tables can be filtered, ordered and paged
/// as one keyset connection by the database (a UNION ALL of two projections). The page's rows are then read whole.
/// </summary>
public sealed record PaymentRow
{
    public Guid Id { get; init; }
    public PaymentMethodType Provider { get; init; }
    public long? AmountKes { get; init; }
    public string? Currency { get; init; }
    public string? Receipt { get; init; }
    public string? PhoneNumber { get; init; }
    public DateTime ReceivedAt { get; init; }
}
