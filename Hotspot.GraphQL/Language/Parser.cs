using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Hotspot.GraphQL.Errors;

namespace Hotspot.GraphQL.Language;

/// <summary>
/// Recursive-descent parser for GraphQL documents, executable and type-system alike (spec sections 2 and 3),
/// following graphql-js's grammar functions and error wording. Nesting is bounded by
/// <see cref="ParserOptions.MaxDepth"/> and by the stack still available, so hostile documents produce a
/// <see cref="GraphQLSyntaxException"/>, never a stack overflow.
/// </summary>
public ref struct Parser
{
    private static readonly SelectionNode[] NoSelections = [];

    private readonly ParserOptions _options;
    private Lexer _lexer;
    private int _lastEnd;
    private int _depth;
    private int _tokenCount;

    private Parser(ReadOnlySpan<byte> source, ParserOptions? options)
    {
        _options = options ?? ParserOptions.Default;
        _lexer = new Lexer(source);
        Advance();
    }

    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        WithUtf8(source, options, static (ref Parser parser) => parser.ParseDocument());

    public static DocumentNode Parse(ReadOnlySpan<byte> utf8, ParserOptions? options = null)
    {
        var parser = new Parser(utf8, options);
        return parser.ParseDocument();
    }

    /// <summary>Parses a single value literal (variables allowed), e.g. <c>[1, $x, {a: "b"}]</c>.</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null) =>
        WithUtf8(source, options, static (ref Parser parser) => parser.ParseWhole(isConst: false));

    /// <summary>Parses a single constant value literal (no variables).</summary>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null) =>
        WithUtf8(source, options, static (ref Parser parser) => parser.ParseWhole(isConst: true));

    /// <summary>Parses a type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null) =>
        WithUtf8(source, options, static (ref Parser parser) => parser.ParseWholeType());

    private delegate T ParseStep<out T>(ref Parser parser);

    private static T WithUtf8<T>(string source, ParserOptions? options, ParseStep<T> step)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(source.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(source, rented);
            var parser = new Parser(rented.AsSpan(0, length), options);
            return step(ref parser);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private ValueNode ParseWhole(bool isConst)
    {
        var value = ParseValueLiteral(isConst);
        Expect(TokenKind.EndOfFile);
        return value;
    }

    private TypeNode ParseWholeType()
    {
        var type = ParseTypeReference();
        Expect(TokenKind.EndOfFile);
        return type;
    }

    // ---- Document -------------------------------------------------------------------------------------------

    private DocumentNode ParseDocument()
    {
        var definitions = new NodeListBuilder<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_lexer.Kind != TokenKind.EndOfFile);

        // As graphql-js: the document starts at the start of the source and ends with its last token.
        return new DocumentNode(new Location(0, _lastEnd, 1, 1), definitions.ToArray());
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keyword = _lexer;
        if (hasDescription)
        {
            keyword.Advance();
            if (keyword.Kind == TokenKind.BraceL)
            {
                throw ErrorAtToken("Unexpected description, descriptions are not supported on shorthand queries.");
            }
        }

        if (keyword.Kind == TokenKind.Name)
        {
            var name = keyword.RawValue;
            if (name.SequenceEqual("schema"u8))
            {
                return ParseSchemaDefinition();
            }

            if (name.SequenceEqual("scalar"u8))
            {
                return ParseScalarTypeDefinition();
            }

            if (name.SequenceEqual("type"u8))
            {
                return ParseObjectTypeDefinition();
            }

            if (name.SequenceEqual("interface"u8))
            {
                return ParseInterfaceTypeDefinition();
            }

            if (name.SequenceEqual("union"u8))
            {
                return ParseUnionTypeDefinition();
            }

            if (name.SequenceEqual("enum"u8))
            {
                return ParseEnumTypeDefinition();
            }

            if (name.SequenceEqual("input"u8))
            {
                return ParseInputObjectTypeDefinition();
            }

            if (name.SequenceEqual("directive"u8))
            {
                return ParseDirectiveDefinition();
            }

            if (name.SequenceEqual("query"u8) || name.SequenceEqual("mutation"u8) || name.SequenceEqual("subscription"u8))
            {
                return ParseOperationDefinition();
            }

            if (name.SequenceEqual("fragment"u8))
            {
                return ParseFragmentDefinition();
            }

            if (hasDescription)
            {
                throw ErrorAtToken("Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (name.SequenceEqual("extend"u8))
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(ref keyword);
    }

    // ---- Executable definitions -----------------------------------------------------------------------------

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = StartLocation();
        if (Peek(TokenKind.BraceL))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode(
                End(start), OperationType.Query, null, [], [], selectionSet);
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        NameNode? name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selections = ParseSelectionSet();
        return new OperationDefinitionNode(End(start), operation, name, variables, directives, selections, description);
    }

    private OperationType ParseOperationType()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedError(TokenKind.Name);
        }

        // Advance before judging the name, as graphql-js does, so a lexical error after it is reported first.
        var token = _lexer;
        OperationType? operation = token.IsName("query"u8) ? OperationType.Query
            : token.IsName("mutation"u8) ? OperationType.Mutation
            : token.IsName("subscription"u8) ? OperationType.Subscription
            : null;
        Advance();
        return operation ?? throw Unexpected(ref token);
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptional(TokenKind.ParenL))
        {
            return [];
        }

        var definitions = new NodeListBuilder<VariableDefinitionNode>();
        do
        {
            definitions.Add(ParseVariableDefinition());
        }
        while (!ExpectOptional(TokenKind.ParenR));

        return definitions.ToArray();
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(End(start), variable, type, defaultValue, directives, description);
    }

    private VariableNode ParseVariable()
    {
        var start = StartLocation();
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(End(start), name);
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = StartLocation();
        Expect(TokenKind.BraceL);
        Enter(start);
        var selections = new NodeListBuilder<SelectionNode>();
        do
        {
            selections.Add(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptional(TokenKind.BraceR));

        _depth--;
        return new SelectionSetNode(End(start), selections.ToArray());
    }

    private FieldNode ParseField()
    {
        var start = StartLocation();
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(End(start), alias, name, arguments, directives, selectionSet);
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptional(TokenKind.ParenL))
        {
            return [];
        }

        var arguments = new NodeListBuilder<ArgumentNode>();
        do
        {
            var start = StartLocation();
            var name = ParseName();
            Expect(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            arguments.Add(new ArgumentNode(End(start), name, value));
        }
        while (!ExpectOptional(TokenKind.ParenR));

        return arguments.ToArray();
    }

    private SelectionNode ParseFragment()
    {
        var start = StartLocation();
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on"u8);
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode(End(start), name, spreadDirectives);
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(End(start), typeCondition, directives, selectionSet);
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("fragment"u8);
        var name = ParseFragmentName();
        var variables = _options.AllowLegacyFragmentVariables ? ParseVariableDefinitions() : [];
        ExpectKeyword("on"u8);
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(End(start), name, variables, typeCondition, directives, selectionSet, description);
    }

    private NameNode ParseFragmentName()
    {
        if (_lexer.IsName("on"u8))
        {
            throw Unexpected();
        }

        return ParseName();
    }

    // ---- Values ---------------------------------------------------------------------------------------------

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = StartLocation();
        switch (_lexer.Kind)
        {
            case TokenKind.BracketL:
            {
                Advance();
                Enter(start);
                var values = new NodeListBuilder<ValueNode>();
                while (!ExpectOptional(TokenKind.BracketR))
                {
                    values.Add(ParseValueLiteral(isConst));
                }

                _depth--;
                return new ListValueNode(End(start), values.ToArray());
            }

            case TokenKind.BraceL:
            {
                Advance();
                Enter(start);
                var fields = new NodeListBuilder<ObjectFieldNode>();
                while (!ExpectOptional(TokenKind.BraceR))
                {
                    var fieldStart = StartLocation();
                    var name = ParseName();
                    Expect(TokenKind.Colon);
                    var value = ParseValueLiteral(isConst);
                    fields.Add(new ObjectFieldNode(End(fieldStart), name, value));
                }

                _depth--;
                return new ObjectValueNode(End(start), fields.ToArray());
            }

            case TokenKind.Int:
            {
                var value = _lexer.Value!;
                Advance();
                return new IntValueNode(End(start), value);
            }

            case TokenKind.Float:
            {
                var value = _lexer.Value!;
                Advance();
                return new FloatValueNode(End(start), value);
            }

            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
            {
                var raw = _lexer.RawValue;
                if (raw.SequenceEqual("true"u8) || raw.SequenceEqual("false"u8))
                {
                    var isTrue = raw.Length == 4;
                    Advance();
                    return new BooleanValueNode(End(start), isTrue);
                }

                if (raw.SequenceEqual("null"u8))
                {
                    Advance();
                    return new NullValueNode(End(start));
                }

                var value = _lexer.Value!;
                Advance();
                return new EnumValueNode(End(start), value);
            }

            case TokenKind.Dollar:
                if (isConst)
                {
                    var dollar = _lexer;
                    Advance();
                    if (_lexer.Kind == TokenKind.Name)
                    {
                        throw new GraphQLSyntaxException(
                            $"Unexpected variable \"${_lexer.Value}\" in constant value.",
                            dollar.Start,
                            new SourceLocation(dollar.Line, dollar.Column));
                    }

                    throw Unexpected(ref dollar);
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = StartLocation();
        var block = _lexer.Kind == TokenKind.BlockString;
        var value = _lexer.Value!;
        Advance();
        return new StringValueNode(End(start), value, block);
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new NodeListBuilder<DirectiveNode>();
        do
        {
            var start = StartLocation();
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            directives.Add(new DirectiveNode(End(start), name, arguments));
        }
        while (Peek(TokenKind.At));

        return directives.ToArray();
    }

    // ---- Types ----------------------------------------------------------------------------------------------

    private TypeNode ParseTypeReference()
    {
        var start = StartLocation();
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketL))
        {
            Enter(start);
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode(End(start), inner);
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptional(TokenKind.Bang) ? new NonNullTypeNode(End(start), type) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = StartLocation();
        var name = ParseName();
        return new NamedTypeNode(End(start), name);
    }

    private NameNode ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedError(TokenKind.Name);
        }

        var location = _lexer.Location;
        var value = _lexer.Value!;
        Advance();
        return new NameNode(location, value);
    }

    // ---- Type system ----------------------------------------------------------------------------------------

    private readonly bool PeekDescription() => _lexer.Kind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("schema"u8);
        var directives = ParseDirectives(isConst: true);
        Expect(TokenKind.BraceL);
        var operationTypes = new NodeListBuilder<OperationTypeDefinitionNode>();
        do
        {
            operationTypes.Add(ParseOperationTypeDefinition());
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return new SchemaDefinitionNode(End(start), description, directives, operationTypes.ToArray());
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = StartLocation();
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(End(start), operation, type);
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("scalar"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode(End(start), description, name, directives);
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("type"u8);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(End(start), description, name, interfaces, directives, fields);
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("interface"u8);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(End(start), description, name, interfaces, directives, fields);
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements"u8) ? ParseDelimitedNamedTypes(TokenKind.Amp) : [];

    private IReadOnlyList<NamedTypeNode> ParseDelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptional(delimiter);
        var types = new NodeListBuilder<NamedTypeNode>();
        do
        {
            types.Add(ParseNamedType());
        }
        while (ExpectOptional(delimiter));

        return types.ToArray();
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL))
        {
            return [];
        }

        var fields = new NodeListBuilder<FieldDefinitionNode>();
        do
        {
            var start = StartLocation();
            var description = ParseDescription();
            var name = ParseName();
            var arguments = ParseArgumentDefinitions();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            var directives = ParseDirectives(isConst: true);
            fields.Add(new FieldDefinitionNode(End(start), description, name, arguments, type, directives));
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return fields.ToArray();
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptional(open))
        {
            return [];
        }

        var values = new NodeListBuilder<InputValueDefinitionNode>();
        do
        {
            var start = StartLocation();
            var description = ParseDescription();
            var name = ParseName();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
            var directives = ParseDirectives(isConst: true);
            values.Add(new InputValueDefinitionNode(End(start), description, name, type, defaultValue, directives));
        }
        while (!ExpectOptional(close));

        return values.ToArray();
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("union"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(End(start), description, name, directives, types);
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptional(TokenKind.Equals) ? ParseDelimitedNamedTypes(TokenKind.Pipe) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("enum"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode(End(start), description, name, directives, values);
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL))
        {
            return [];
        }

        var values = new NodeListBuilder<EnumValueDefinitionNode>();
        do
        {
            var start = StartLocation();
            var description = ParseDescription();
            if (_lexer.IsName("true"u8) || _lexer.IsName("false"u8) || _lexer.IsName("null"u8))
            {
                throw ErrorAtToken($"{_lexer.Describe()} is reserved and cannot be used for an enum value.");
            }

            var name = ParseName();
            var directives = ParseDirectives(isConst: true);
            values.Add(new EnumValueDefinitionNode(End(start), description, name, directives));
        }
        while (!ExpectOptional(TokenKind.BraceR));

        return values.ToArray();
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("input"u8);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode(End(start), description, name, directives, fields);
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = StartLocation();
        var description = ParseDescription();
        ExpectKeyword("directive"u8);
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable"u8);
        ExpectKeyword("on"u8);
        ExpectOptional(TokenKind.Pipe);
        var locations = new NodeListBuilder<NameNode>();
        do
        {
            var locationToken = _lexer;
            var location = ParseName();
            if (!Enum.TryParse<DirectiveLocation>(location.Value, ignoreCase: false, out _) ||
                !IsDirectiveLocationName(location.Value))
            {
                throw Unexpected(ref locationToken);
            }

            locations.Add(location);
        }
        while (ExpectOptional(TokenKind.Pipe));

        return new DirectiveDefinitionNode(End(start), description, name, arguments, repeatable, locations.ToArray());
    }

    // Enum.TryParse also accepts numbers and comma lists; a location must be one exact upper-case name.
    private static bool IsDirectiveLocationName(string value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= 'A' and <= 'Z') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer;
        keyword.Advance();
        if (keyword.Kind == TokenKind.Name)
        {
            var name = keyword.RawValue;
            if (name.SequenceEqual("schema"u8))
            {
                return ParseSchemaExtension();
            }

            if (name.SequenceEqual("scalar"u8) || name.SequenceEqual("type"u8) || name.SequenceEqual("interface"u8) ||
                name.SequenceEqual("union"u8) || name.SequenceEqual("enum"u8) || name.SequenceEqual("input"u8))
            {
                return ParseTypeExtension();
            }
        }

        throw Unexpected(ref keyword);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = StartLocation();
        ExpectKeyword("extend"u8);
        ExpectKeyword("schema"u8);
        var directives = ParseDirectives(isConst: true);
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes = [];
        if (ExpectOptional(TokenKind.BraceL))
        {
            var list = new NodeListBuilder<OperationTypeDefinitionNode>();
            do
            {
                list.Add(ParseOperationTypeDefinition());
            }
            while (!ExpectOptional(TokenKind.BraceR));

            operationTypes = list.ToArray();
        }

        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected();
        }

        return new SchemaExtensionNode(End(start), directives, operationTypes);
    }

    private TypeExtensionNode ParseTypeExtension()
    {
        var start = StartLocation();
        ExpectKeyword("extend"u8);
        var keyword = _lexer.RawValue;
        var isScalar = keyword.SequenceEqual("scalar"u8);
        var isType = keyword.SequenceEqual("type"u8);
        var isInterface = keyword.SequenceEqual("interface"u8);
        var isUnion = keyword.SequenceEqual("union"u8);
        var isEnum = keyword.SequenceEqual("enum"u8);
        Advance();
        var name = ParseName();
        if (isScalar)
        {
            var scalarDirectives = ParseDirectives(isConst: true);
            if (scalarDirectives.Count == 0)
            {
                throw Unexpected();
            }

            return new ScalarTypeExtensionNode(End(start), name, scalarDirectives);
        }

        if (isType || isInterface)
        {
            var interfaces = ParseImplementsInterfaces();
            var fieldDirectives = ParseDirectives(isConst: true);
            var fields = ParseFieldsDefinition();
            if (interfaces.Count == 0 && fieldDirectives.Count == 0 && fields.Count == 0)
            {
                throw Unexpected();
            }

            return isType
                ? new ObjectTypeExtensionNode(End(start), name, interfaces, fieldDirectives, fields)
                : new InterfaceTypeExtensionNode(End(start), name, interfaces, fieldDirectives, fields);
        }

        var directives = ParseDirectives(isConst: true);
        if (isUnion)
        {
            var types = ParseUnionMemberTypes();
            if (directives.Count == 0 && types.Count == 0)
            {
                throw Unexpected();
            }

            return new UnionTypeExtensionNode(End(start), name, directives, types);
        }

        if (isEnum)
        {
            var values = ParseEnumValuesDefinition();
            if (directives.Count == 0 && values.Count == 0)
            {
                throw Unexpected();
            }

            return new EnumTypeExtensionNode(End(start), name, directives, values);
        }

        var inputFields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        if (directives.Count == 0 && inputFields.Count == 0)
        {
            throw Unexpected();
        }

        return new InputObjectTypeExtensionNode(End(start), name, directives, inputFields);
    }

    // ---- Token helpers --------------------------------------------------------------------------------------

    private readonly Location StartLocation() => _lexer.Location;

    private readonly Location End(Location start) => new(start.Start, _lastEnd, start.Line, start.Column);

    private void Advance()
    {
        _lastEnd = _lexer.End;
        _lexer.Advance();
        if (_options.MaxTokens is { } maxTokens && _lexer.Kind != TokenKind.EndOfFile && ++_tokenCount > maxTokens)
        {
            throw ErrorAtToken($"Document contains more than {maxTokens} tokens. Parsing aborted.");
        }
    }

    /// <summary>One level deeper; refuses documents nested past the limit or the stack still free.</summary>
    private void Enter(Location opening)
    {
        if (++_depth > _options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new GraphQLSyntaxException(
                $"Document exceeds the maximum nesting depth of {_options.MaxDepth}.",
                opening.Start,
                opening.ToSourceLocation());
        }
    }

    private readonly bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private void Expect(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw ExpectedError(kind);
        }

        Advance();
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(ReadOnlySpan<byte> keyword)
    {
        if (!_lexer.IsName(keyword))
        {
            throw ErrorAtToken($"Expected \"{Encoding.ASCII.GetString(keyword)}\", found {_lexer.Describe()}.");
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(ReadOnlySpan<byte> keyword)
    {
        if (!_lexer.IsName(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private readonly GraphQLSyntaxException ExpectedError(TokenKind kind) =>
        ErrorAtToken($"Expected {kind.Describe()}, found {_lexer.Describe()}.");

    private readonly GraphQLSyntaxException Unexpected()
    {
        var token = _lexer;
        return Unexpected(ref token);
    }

    private readonly GraphQLSyntaxException Unexpected(ref Lexer token) =>
        new($"Unexpected {token.Describe()}.", token.Start, new SourceLocation(token.Line, token.Column));

    private readonly GraphQLSyntaxException ErrorAtToken(string description) =>
        new(description, _lexer.Start, new SourceLocation(_lexer.Line, _lexer.Column));
}
