using System.Diagnostics;
using System.Net;
using System.Text;
using Hotspot.Api.Payments;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>
/// Sends thousands of malformed bodies (<see cref="HostileBodies"/>, from a fixed seed) to every route the app
/// serves, enumerated from its endpoints so routes added later are fuzzed too, each with valid credentials for its
/// route (<see cref="HostileInputFixture"/>). No answer may be a 5xx, nothing may be logged at Error, and afterwards
/// the API is healthy and a normal purchase is still paid.
/// </summary>
[Slow(TestCategories.Fuzz)]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class HostileInputFuzzTests(DatabaseProvider provider) : HostileInputFixture(provider)
{
    /// <summary>Fixed so a failure can be repeated; <c>HOTSPOT_FUZZ_SEED</c> picks another one to explore.</summary>
    private const int DefaultSeed = 20261205;
    private const int BodiesPerBodyRoute = 100;
    private const int BodiesPerOtherRoute = 10;
    private const int MaxReportedFailures = 15;

    [Test]
    public async Task No_route_answers_hostile_bodies_with_a_server_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HOTSPOT_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        TestContext.Out.WriteLine($"Fuzz seed {seed} (HOTSPOT_FUZZ_SEED={seed} repeats this run)");
        var random = new Random(seed);
        var hostile = new HostileBodies(random);
        var targets = FuzzTarget.AllOf(Api.Services.GetRequiredService<EndpointDataSource>(), RouteValues);
        Logs.Clear();
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        foreach (var target in targets)
        {
            var valid = ValidBodies.For(target.Template);
            var count = target.Method is "POST" or "PUT" or "PATCH" ? BodiesPerBodyRoute : BodiesPerOtherRoute;
            for (var i = 0; i < count; i++)
            {
                var body = hostile.Next(valid[random.Next(valid.Count)]);
                sent++;
                string? failure;
                try
                {
                    var (status, answer) = await SendAsync(target.Method, target.Path, body.Bytes);
                    failure = status >= 500 ? $"answered {status}: {Shortened(answer, 300)}" : null;
                }
                catch (Exception e)
                {
                    failure = $"threw {e.GetType().Name}: {e.Message}";
                }
                if (failure is not null && failures.Count < MaxReportedFailures)
                    failures.Add(Describe(target, seed, sent, body, failure));
            }
        }

        TestContext.Out.WriteLine($"{sent} hostile bodies to {targets.Count} method/route pairs in {clock.Elapsed.TotalSeconds:0.0} s:");
        foreach (var target in targets)
            TestContext.Out.WriteLine($"  {target.Method} {target.Template}");
        Assert.That(failures, Is.Empty, $"Server errors (seed {seed}):\n\n" + string.Join("\n\n", failures));
        Assert.That(Logs.Errors, Is.Empty, $"Logged at Error while fuzzing (seed {seed}): a defect, not an answer to bad input.");
        await AssertStillServesAsync();
    }

    /// <summary>After the storm: healthy, and a customer's purchase is still paid (by the reconciler's query: the simulator's own callbacks come from no allowed address).</summary>
    private async Task AssertStillServesAsync()
    {
        using var health = await Client.GetAsync("/healthz");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), await health.Content.ReadAsStringAsync());
        var purchaseId = await Portal.StartAsync(Client, Organization.Id, Plan.Id, "0708374149");
        var outcome = await Portal.WaitForOutcomeAsync(Client, purchaseId);
        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("PAID"), outcome.ToString());
        Assert.That(outcome.GetProperty("voucherCode").GetString(), Is.Not.Empty);
    }

    private IReadOnlyList<string> RouteValues(string parameter) => parameter switch
    {
        "organizationId" => [Organization.Id.ToString()],
        "callbackToken" => [Organization.DarajaCallbackToken],
        "callbackType" => [.. KopoKopoCallbacks.CallbackTypes.Keys.Order(StringComparer.Ordinal)],
        "purchaseId" => [PendingPurchaseId.ToString()],
        _ => ["fuzz"],
    };

    private static string Describe(FuzzTarget target, int seed, int number, HostileBody body, string failure)
    {
        var text = new StringBuilder()
            .AppendLine($"{target.Method} {target.Template} (as {Redacted(target)}) {failure}")
            .AppendLine($"  seed {seed}, request #{number}, mutation: {body.Mutation}, {body.Bytes.Length} bytes")
            .AppendLine($"  body (UTF-8, invalid bytes as \\xNN): {Shortened(Printable(body.Bytes), 1500)}");
        if (body.Bytes.Length <= 4096)
            text.Append($"  body (base64): {Convert.ToBase64String(body.Bytes)}");
        return text.ToString();
    }

    private static string Redacted(FuzzTarget target) => target.Path.Contains("/daraja/") ? target.Template : target.Path;

    private static string Printable(byte[] bytes)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: false);
        for (var i = 0; i < bytes.Length;)
        {
            var length = Utf8SequenceLength(bytes, i);
            if (length == 0)
            {
                text.Append($"\\x{bytes[i]:X2}");
                i++;
                continue;
            }
            var decoded = decoder.GetString(bytes, i, length);
            text.Append(decoded.Length == 1 && char.IsControl(decoded[0]) ? $"\\x{(int)decoded[0]:X2}" : decoded);
            i += length;
        }
        return text.ToString();
    }

    /// <summary>The length of the valid UTF-8 sequence at <paramref name="index"/>, or 0.</summary>
    private static int Utf8SequenceLength(byte[] bytes, int index)
    {
        for (var length = 1; length <= 4 && index + length <= bytes.Length; length++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(index, length)))
                return length;
        }
        return 0;
    }

    private static string Shortened(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length} characters)";
}
