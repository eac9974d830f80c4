using System.Text.RegularExpressions;

namespace Hotspot.Tests.Radius;

/// <summary>What radclient printed for one request: the reply packet type and its attributes.</summary>
internal sealed partial record RadiusReply(string? PacketType, IReadOnlyDictionary<string, string> Attributes, string Output)
{
    public string? this[string name] => Attributes.TryGetValue(name, out var value) ? value : null;

    public static RadiusReply Parse(int exitCode, string output)
    {
        string? type = null;
        var attributes = new Dictionary<string, string>();
        var inReply = false;
        foreach (var line in output.Split('\n'))
        {
            var received = ReceivedLine().Match(line);
            if (received.Success)
            {
                type = received.Groups[1].Value;
                inReply = true;
                continue;
            }
            if (line.StartsWith("Sent ", StringComparison.Ordinal) || line.StartsWith("(", StringComparison.Ordinal))
                inReply = false;
            var attribute = AttributeLine().Match(line);
            if (inReply && attribute.Success)
                attributes[attribute.Groups[1].Value] = attribute.Groups[2].Value.Trim().Trim('"');
        }
        return new RadiusReply(type, attributes, $"exit {exitCode}\n{output}");
    }

    [GeneratedRegex(@"^Received (\S+) Id")]
    private static partial Regex ReceivedLine();

    [GeneratedRegex(@"^\s+([A-Za-z0-9-]+) = (.*)$")]
    private static partial Regex AttributeLine();
}
