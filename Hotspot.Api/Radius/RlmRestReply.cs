using System.Text.Json.Nodes;

namespace Hotspot.Api.Radius;

/// <summary>
/// A reply in rlm_rest's JSON format: <c>{"reply:Session-Timeout":{"value":[3600],"op":":=","do_xlat":false}}</c>.
/// Every value is sent with <c>do_xlat: false</c>, so text that came from a user is never expanded by FreeRADIUS.
/// </summary>
public sealed class RlmRestReply
{
    private readonly JsonObject _attributes = new();

    public RlmRestReply Set(string listAndAttribute, string value) => Add(listAndAttribute, JsonValue.Create(value));

    public RlmRestReply Set(string listAndAttribute, long value) => Add(listAndAttribute, JsonValue.Create(value));

    public JsonObject ToJson() => _attributes;

    private RlmRestReply Add(string name, JsonNode? value)
    {
        _attributes[name] = new JsonObject
        {
            ["value"] = new JsonArray(value),
            ["op"] = ":=",
            ["do_xlat"] = false,
        };
        return this;
    }
}
