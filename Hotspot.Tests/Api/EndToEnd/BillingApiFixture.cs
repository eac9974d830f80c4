using Hotspot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Runs the real API (<see cref="BillingApi"/>) on a fresh <see cref="BillingDatabase"/> of one provider for all the
/// tests of a fixture. A fixture says how its API is configured and seeds what its tests share.
/// </summary>
public abstract class BillingApiFixture(DatabaseProvider provider)
{
    protected BillingDatabase Database { get; private set; } = null!;
    protected BillingApi Api { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Settings over <see cref="BillingApi"/>'s test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>More services, applied last (the running API is <see cref="Api"/> by the time they are used).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>What every test of the fixture shares, once the API runs.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    [OneTimeSetUp]
    public async Task StartApiAsync()
    {
        Database = await BillingDatabase.CreateAsync(provider);
        Api = new BillingApi(Database, Settings, configureServices: ConfigureServices);
        Client = Api.CreateClient();
        await SeedAsync();
    }

    [OneTimeTearDown]
    public async Task StopApiAsync()
    {
        Client?.Dispose();
        if (Api is not null)
            await Api.DisposeAsync();
        if (Database is not null)
            await Database.DisposeAsync();
    }
}
