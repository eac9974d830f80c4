using System.Text.Json;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;

namespace Hotspot.Tests.Providers;

public class StkPasswordTests
{
    [Test]
    public void Reproduces_the_documented_sandbox_password_sample()
    {
        // daraja.md 8: the long-circulating sample for short code 174379 at 20160216165627.
        Assert.That(
            StkPassword.Create("174379", DarajaSimulatorOptions.SandboxPassKey, "20160216165627"),
            Is.EqualTo("MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3"));
    }

    [Test]
    public void Reproduces_the_password_of_the_official_request_sample()
    {
        using var request = JsonDocument.Parse(File.ReadAllBytes(SharedFolder.Path("fixtures", "daraja", "stk-push-request.official-docs.json")));
        var root = request.RootElement;
        var password = StkPassword.Create(root.GetProperty("BusinessShortCode").GetRawText(), DarajaSimulatorOptions.SandboxPassKey, root.GetProperty("Timestamp").GetString()!);
        Assert.That(password, Is.EqualTo(root.GetProperty("Password").GetString()));
    }

    [Test]
    public void Timestamp_is_east_africa_time()
    {
        var utc = new DateTimeOffset(2024, 1, 1, 21, 30, 5, TimeSpan.Zero);
        Assert.That(StkPassword.Timestamp(utc), Is.EqualTo("20240102003005"));
    }

    [TestCase("2019121910211")]
    [TestCase("20191319102115")]
    [TestCase("2019121910211x")]
    [TestCase("")]
    public void Malformed_timestamps_are_refused(string text) =>
        Assert.That(StkPassword.TryParseTimestamp(text, out _), Is.False);
}
