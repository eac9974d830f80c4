using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

internal enum BuiltInScalar
{
    None,
    Int,
    Float,
    String,
    Boolean,
    ID,
}
