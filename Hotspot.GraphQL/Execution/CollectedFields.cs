using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// The result of CollectFields for one object type: fields grouped by response key, in selection order.
/// <see cref="DependsOnVariables"/> when a <c>@skip</c>/<c>@include</c> read a variable (then it is not cached).
/// </summary>
internal sealed class CollectedFields
{
    public CollectedFields(string[] keys, FieldPlan[] fields, bool dependsOnVariables)
    {
        Keys = keys;
        EncodedKeys = new System.Text.Json.JsonEncodedText[keys.Length];
        for (int i = 0; i < keys.Length; i++) EncodedKeys[i] = System.Text.Json.JsonEncodedText.Encode(keys[i]);
        Fields = fields;
        DependsOnVariables = dependsOnVariables;
    }

    public string[] Keys { get; }
    /// <summary>The keys escaped and UTF-8 encoded once, for writing.</summary>
    public System.Text.Json.JsonEncodedText[] EncodedKeys { get; }
    public FieldPlan[] Fields { get; }
    public bool DependsOnVariables { get; }
}
