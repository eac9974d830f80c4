using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotspot.Storage.Configurations;

/// <summary>Stores a duration as whole seconds: one integer type on every database, and plain to query.</summary>
internal sealed class TimeSpanSecondsConverter() : ValueConverter<TimeSpan, long>(
    v => v.Ticks / TimeSpan.TicksPerSecond,
    v => TimeSpan.FromSeconds(v));
