using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotspot.Storage;

/// <summary>
/// Keeps every stored time in UTC: PostgreSQL's <c>timestamp with time zone</c> demands it, and SQLite returns
/// times without a kind.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
