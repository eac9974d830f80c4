using Hotspot.Storage;
using Npgsql;

namespace Hotspot.Tests.Storage;

public class PostgreSqlConnectionDefaultsTests
{
    [Test]
    public void Statements_are_prepared_and_pooled_connections_are_not_reset_by_default()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply("Host=db;Username=hotspot;Password=x;Database=hotspot"));

        Assert.Multiple(() =>
        {
            Assert.That(applied.MaxAutoPrepare, Is.EqualTo(PostgreSqlConnectionDefaults.MaxAutoPrepare));
            Assert.That(applied.NoResetOnClose, Is.True);
            Assert.That(applied.Host, Is.EqualTo("db"));
            Assert.That(applied.Password, Is.EqualTo("x"));
        });
    }

    [TestCase("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [TestCase("Host=db;maxautoprepare=0;noresetonclose=false")]
    public void The_operators_own_settings_win(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString));

        Assert.That(applied.MaxAutoPrepare, Is.Zero);
        Assert.That(applied.NoResetOnClose, Is.False);
    }
}
