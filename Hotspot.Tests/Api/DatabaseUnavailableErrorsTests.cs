using System.Net.Sockets;
using Hotspot.Api.Health;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotspot.Tests.Api;

/// <summary>Which database failures count as "unreachable right now" (503) and which remain defects (500).</summary>
public class DatabaseUnavailableErrorsTests
{
    private static IEnumerable<TestCaseData> Unavailable()
    {
        yield return new TestCaseData(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).SetName("Connection refused");
        yield return new TestCaseData(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new IOException("reset")))).SetName("Connection reset, wrapped by EF Core");
        yield return new TestCaseData(new DbUpdateException("save failed", new NpgsqlException("The operation has timed out", new TimeoutException()))).SetName("Timeout inside a save");
        yield return new TestCaseData(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")).SetName("Server shutting down");
        yield return new TestCaseData(new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300")).SetName("Too many connections");
        yield return new TestCaseData(new SqliteException("database is locked", 5)).SetName("SQLite busy");
        yield return new TestCaseData(new SqliteException("database table is locked", 6)).SetName("SQLite locked");
    }

    private static IEnumerable<TestCaseData> Defects()
    {
        yield return new TestCaseData(new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"))).SetName("Unique violation");
        yield return new TestCaseData(new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01")).SetName("Missing table");
        yield return new TestCaseData(new SqliteException("no such table: x", 1)).SetName("SQLite error");
        yield return new TestCaseData(new InvalidOperationException("Sequence contains no elements")).SetName("A bug");
    }

    [TestCaseSource(nameof(Unavailable))]
    public void Counts_as_the_database_being_unavailable(Exception exception) =>
        Assert.That(DatabaseUnavailableErrors.IsDatabaseUnavailable(exception), Is.True);

    [TestCaseSource(nameof(Defects))]
    public void Stays_a_defect(Exception exception) =>
        Assert.That(DatabaseUnavailableErrors.IsDatabaseUnavailable(exception), Is.False);

    [Test]
    public void The_description_names_types_and_codes_but_no_message()
    {
        var exception = new InvalidOperationException("transient", new NpgsqlException("Failed to connect to db.internal:5432",
            new SocketException((int)SocketError.ConnectionRefused)));
        var description = DatabaseUnavailableErrors.Describe(exception);
        Assert.That(description, Is.EqualTo("InvalidOperationException <- NpgsqlException <- SocketException ConnectionRefused"));
    }
}
