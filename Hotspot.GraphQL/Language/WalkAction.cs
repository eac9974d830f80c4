namespace Hotspot.GraphQL.Language;

/// <summary>What a <see cref="SyntaxWalker"/> does after entering a node.</summary>
public enum WalkAction
{
    /// <summary>Visit the node's children, then leave it.</summary>
    Continue,

    /// <summary>Do not visit the children and do not call leave for this node.</summary>
    SkipChildren,

    /// <summary>Stop the whole walk.</summary>
    Stop,
}
