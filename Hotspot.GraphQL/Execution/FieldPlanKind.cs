using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

internal enum FieldPlanKind : byte
{
    Normal,
    TypeName,
    Schema,
    Type,
}
