using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>The few store types a CLR type cannot tell; everything else is inferred by the provider.</summary>
internal static class MigrationTypes
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Owned JSON columns: <c>jsonb</c> on PostgreSQL, plain text on SQLite.</summary>
    public static string? Json(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == NpgsqlProvider ? "jsonb" : null;
}
