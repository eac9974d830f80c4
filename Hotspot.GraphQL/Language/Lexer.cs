using System.Buffers;
using System.Globalization;
using System.Text;
using Hotspot.GraphQL.Errors;

namespace Hotspot.GraphQL.Language;

/// <summary>
/// Splits UTF-8 GraphQL source into tokens (spec section 2.1, October 2021 edition, as graphql-js 16 lexes it).
/// It works on bytes: names and numbers are sliced, not copied, and only string tokens decode text. Positions are
/// reported in UTF-16 code units, lines and columns 1-based, exactly as graphql-js reports them.
/// Malformed input throws <see cref="GraphQLSyntaxException"/> with graphql-js's wording.
/// </summary>
public ref struct Lexer
{
    private readonly ReadOnlySpan<byte> _source;
    private int _position;
    private int _charDelta;
    private int _line;
    private int _lineStartChar;
    private int _startByte;
    private int _endByte;
    private string? _decodedValue;

    public Lexer(ReadOnlySpan<byte> source)
    {
        _source = source;
        _line = 1;
        Kind = TokenKind.StartOfFile;
        Line = 1;
        Column = 1;
    }

    /// <summary>Kind of the current token.</summary>
    public TokenKind Kind { get; private set; }

    /// <summary>Start offset of the current token in UTF-16 code units.</summary>
    public int Start { get; private set; }

    /// <summary>End offset (exclusive) of the current token in UTF-16 code units.</summary>
    public int End { get; private set; }

    public int Line { get; private set; }

    public int Column { get; private set; }

    /// <summary>The UTF-8 bytes of the current token as written in the source.</summary>
    public readonly ReadOnlySpan<byte> RawValue => _source[_startByte.._endByte];

    /// <summary>
    /// The token's value: the name, the number as written, the decoded string or block string, or the comment
    /// text after <c>#</c>; null for punctuators and the end of the file.
    /// </summary>
    public readonly string? Value => Kind switch
    {
        TokenKind.Name => NameTable.Get(RawValue),
        TokenKind.Int or TokenKind.Float => Encoding.ASCII.GetString(RawValue),
        TokenKind.String or TokenKind.BlockString or TokenKind.Comment => _decodedValue,
        _ => null,
    };

    public readonly Location Location => new(Start, End, Line, Column);

    /// <summary>True when the current token is the name <paramref name="keyword"/> (ASCII bytes).</summary>
    public readonly bool IsName(ReadOnlySpan<byte> keyword) =>
        Kind == TokenKind.Name && RawValue.SequenceEqual(keyword);

    /// <summary>graphql-js's description of the current token: <c>Name "foo"</c>, <c>"{"</c>, <c>&lt;EOF&gt;</c>.</summary>
    public readonly string Describe() =>
        Kind.HasValue() ? Kind.Describe() + " \"" + Value + "\"" : Kind.Describe();

    /// <summary>Moves to the next token that is not a comment.</summary>
    public void Advance() => ReadToken(includeComments: false);

    /// <summary>Moves to the next token; comments are returned as tokens only when asked for.</summary>
    public void ReadToken(bool includeComments)
    {
        if (Kind == TokenKind.EndOfFile)
        {
            return;
        }

        var source = _source;
        while (_position < source.Length)
        {
            var position = _position;
            var code = source[position];
            switch (code)
            {
                case (byte)' ':
                case (byte)'\t':
                case (byte)',':
                    _position++;
                    continue;
                case (byte)'\n':
                    _position++;
                    NewLine();
                    continue;
                case (byte)'\r':
                    _position += position + 1 < source.Length && source[position + 1] == '\n' ? 2 : 1;
                    NewLine();
                    continue;
                case 0xEF when position + 2 < source.Length && source[position + 1] == 0xBB && source[position + 2] == 0xBF:
                    // Unicode BOM: three bytes, one UTF-16 unit, ignored like white space.
                    _position += 3;
                    _charDelta += 2;
                    continue;
                case (byte)'#':
                    if (ReadComment(position, includeComments))
                    {
                        return;
                    }

                    continue;
                case (byte)'!':
                    Punctuator(TokenKind.Bang, position, 1);
                    return;
                case (byte)'$':
                    Punctuator(TokenKind.Dollar, position, 1);
                    return;
                case (byte)'&':
                    Punctuator(TokenKind.Amp, position, 1);
                    return;
                case (byte)'(':
                    Punctuator(TokenKind.ParenL, position, 1);
                    return;
                case (byte)')':
                    Punctuator(TokenKind.ParenR, position, 1);
                    return;
                case (byte)'.':
                    if (position + 2 < source.Length && source[position + 1] == '.' && source[position + 2] == '.')
                    {
                        Punctuator(TokenKind.Spread, position, 3);
                        return;
                    }

                    break;
                case (byte)':':
                    Punctuator(TokenKind.Colon, position, 1);
                    return;
                case (byte)'=':
                    Punctuator(TokenKind.Equals, position, 1);
                    return;
                case (byte)'@':
                    Punctuator(TokenKind.At, position, 1);
                    return;
                case (byte)'[':
                    Punctuator(TokenKind.BracketL, position, 1);
                    return;
                case (byte)']':
                    Punctuator(TokenKind.BracketR, position, 1);
                    return;
                case (byte)'{':
                    Punctuator(TokenKind.BraceL, position, 1);
                    return;
                case (byte)'|':
                    Punctuator(TokenKind.Pipe, position, 1);
                    return;
                case (byte)'}':
                    Punctuator(TokenKind.BraceR, position, 1);
                    return;
                case (byte)'"':
                    if (position + 2 < source.Length && source[position + 1] == '"' && source[position + 2] == '"')
                    {
                        ReadBlockString(position);
                    }
                    else
                    {
                        ReadString(position);
                    }

                    return;
            }

            if (IsDigit(code) || code == '-')
            {
                ReadNumber(position);
                return;
            }

            if (IsNameStart(code))
            {
                ReadName(position);
                return;
            }

            throw Error(
                _source,
                position,
                code == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : $"Unexpected character: {DescribeCharAt(_source, position)}.");
        }

        BeginToken(_position);
        Kind = TokenKind.EndOfFile;
        FinishToken(_position);
    }

    /// <summary>Builds the exception for a syntax error at a byte offset of <paramref name="source"/>.</summary>
    internal static GraphQLSyntaxException Error(ReadOnlySpan<byte> source, int bytePosition, string description)
    {
        var line = 1;
        var chars = 0;
        var lineStart = 0;
        var end = Math.Min(bytePosition, source.Length);
        for (var i = 0; i < end; i++)
        {
            var b = source[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= source.Length || source[i + 1] != '\n')))
            {
                chars++;
                line++;
                lineStart = chars;
                continue;
            }

            if ((b & 0xC0) != 0x80)
            {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }

        return new GraphQLSyntaxException(description, chars, new SourceLocation(line, chars - lineStart + 1));
    }

    private static bool IsDigit(byte code) => code - (uint)'0' <= 9;

    private static bool IsNameStart(byte code) =>
        (uint)((code | 0x20) - 'a') <= 'z' - 'a' || code == '_';

    private static bool IsNameContinue(byte code) => IsNameStart(code) || IsDigit(code);

    private static int ByteAt(ReadOnlySpan<byte> source, int position) =>
        position < source.Length ? source[position] : -1;

    /// <summary>graphql-js's <c>printCodePointAt</c>: <c>"x"</c> for printable ASCII, else <c>U+XXXX</c>.</summary>
    private static string DescribeCharAt(ReadOnlySpan<byte> source, int position)
    {
        if (position >= source.Length)
        {
            return "<EOF>";
        }

        var code = source[position];
        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        }

        var scalar = code < 0x80 ? code : Rune.DecodeFromUtf8(source[position..], out var rune, out _) == OperationStatus.Done
            ? rune.Value
            : 0xFFFD;
        return "U+" + scalar.ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>Up to <paramref name="charCount"/> UTF-16 units of source from a byte offset, for messages.</summary>
    private static string SliceChars(ReadOnlySpan<byte> source, int position, int charCount)
    {
        var builder = new StringBuilder(charCount);
        while (position < source.Length && builder.Length < charCount)
        {
            if (Rune.DecodeFromUtf8(source[position..], out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            builder.Append(rune.ToString());
            position += Math.Max(consumed, 1);
        }

        return builder.Length > charCount ? builder.ToString(0, charCount) : builder.ToString();
    }

    private static int HexValue(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private static int Read16BitHex(ReadOnlySpan<byte> source, int position) =>
        (HexValue(ByteAt(source, position)) << 12) | (HexValue(ByteAt(source, position + 1)) << 8) |
        (HexValue(ByteAt(source, position + 2)) << 4) | HexValue(ByteAt(source, position + 3));

    private static bool IsUnicodeScalar(int code) => code is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    private void NewLine()
    {
        _line++;
        _lineStartChar = _position - _charDelta;
    }

    private void BeginToken(int position)
    {
        _startByte = position;
        Start = position - _charDelta;
        Line = _line;
        Column = Start - _lineStartChar + 1;
        _decodedValue = null;
    }

    private void FinishToken(int endPosition)
    {
        _endByte = endPosition;
        _position = endPosition;
        End = endPosition - _charDelta;
    }

    private void Punctuator(TokenKind kind, int position, int length)
    {
        BeginToken(position);
        Kind = kind;
        FinishToken(position + length);
    }

    private void ReadName(int start)
    {
        var source = _source;
        var position = start + 1;
        while (position < source.Length && IsNameContinue(source[position]))
        {
            position++;
        }

        BeginToken(start);
        Kind = TokenKind.Name;
        FinishToken(position);
    }

    private void ReadNumber(int start)
    {
        var source = _source;
        var position = start;
        var code = source[position];
        var isFloat = false;
        if (code == '-')
        {
            code = (byte)Math.Max(ByteAt(source, ++position), 0);
        }

        if (code == '0' && position < source.Length)
        {
            position++;
            if (position < source.Length && IsDigit(source[position]))
            {
                throw Error(source, position, $"Invalid number, unexpected digit after 0: {DescribeCharAt(source, position)}.");
            }
        }
        else
        {
            position = ReadDigits(source, position);
        }

        if (position < source.Length && source[position] == '.')
        {
            isFloat = true;
            position = ReadDigits(source, position + 1);
        }

        if (position < source.Length && (source[position] | 0x20) == 'e')
        {
            isFloat = true;
            position++;
            if (position < source.Length && source[position] is (byte)'+' or (byte)'-')
            {
                position++;
            }

            position = ReadDigits(source, position);
        }

        // Numbers cannot be followed by a dot or a name start ("1.2.3", "0x1F", "123abc").
        if (position < source.Length && (source[position] == '.' || IsNameStart(source[position])))
        {
            throw Error(source, position, $"Invalid number, expected digit but got: {DescribeCharAt(source, position)}.");
        }

        BeginToken(start);
        Kind = isFloat ? TokenKind.Float : TokenKind.Int;
        FinishToken(position);
    }

    private static int ReadDigits(ReadOnlySpan<byte> source, int position)
    {
        if (position >= source.Length || !IsDigit(source[position]))
        {
            throw Error(source, position, $"Invalid number, expected digit but got: {DescribeCharAt(source, position)}.");
        }

        position++;
        while (position < source.Length && IsDigit(source[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>Reads a comment; returns true when it became the current token.</summary>
    private bool ReadComment(int start, bool includeComments)
    {
        var source = _source;
        var startDelta = _charDelta;
        var position = start + 1;
        while (position < source.Length)
        {
            var code = source[position];
            if (code == '\n' || code == '\r')
            {
                break;
            }

            if (code < 0x80)
            {
                position++;
                continue;
            }

            if (Rune.DecodeFromUtf8(source[position..], out var rune, out var consumed) != OperationStatus.Done)
            {
                break;
            }

            _charDelta += consumed - rune.Utf16SequenceLength;
            position += consumed;
        }

        if (!includeComments)
        {
            _position = position;
            return false;
        }

        var endDelta = _charDelta;
        _charDelta = startDelta;
        BeginToken(start);
        _charDelta = endDelta;
        Kind = TokenKind.Comment;
        FinishToken(position);
        _decodedValue = Encoding.UTF8.GetString(source[(start + 1)..position]);
        return true;
    }

    private void ReadString(int start)
    {
        var source = _source;
        var startDelta = _charDelta;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? builder = null;
        while (position < source.Length)
        {
            var code = source[position];
            if (code == '"')
            {
                string value;
                if (builder is null)
                {
                    value = Encoding.UTF8.GetString(source[chunkStart..position]);
                }
                else
                {
                    AppendUtf8(builder, source[chunkStart..position]);
                    value = builder.ToString();
                }

                var endDelta = _charDelta;
                _charDelta = startDelta;
                BeginToken(start);
                _charDelta = endDelta;
                Kind = TokenKind.String;
                FinishToken(position + 1);
                _decodedValue = value;
                return;
            }

            if (code == '\\')
            {
                builder ??= new StringBuilder(position - chunkStart + 16);
                AppendUtf8(builder, source[chunkStart..position]);
                position += ReadEscape(source, position, builder);
                chunkStart = position;
                continue;
            }

            if (code == '\n' || code == '\r')
            {
                break;
            }

            if (code < 0x80)
            {
                position++;
                continue;
            }

            position += ReadNonAscii(source, position);
        }

        throw Error(source, position, "Unterminated string.");
    }

    /// <summary>Validates one multi-byte UTF-8 character inside a string and returns its length in bytes.</summary>
    private int ReadNonAscii(ReadOnlySpan<byte> source, int position)
    {
        if (Rune.DecodeFromUtf8(source[position..], out var rune, out var consumed) != OperationStatus.Done)
        {
            throw Error(source, position, $"Invalid character within String: {DescribeCharAt(source, position)}.");
        }

        _charDelta += consumed - rune.Utf16SequenceLength;
        return consumed;
    }

    private static void AppendUtf8(StringBuilder builder, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return;
        }

        var maxChars = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        char[]? rented = null;
        var buffer = maxChars <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(maxChars));
        var count = Encoding.UTF8.GetChars(utf8, buffer);
        builder.Append(buffer[..count]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes the escape sequence at <paramref name="position"/> (a backslash); returns its byte length.</summary>
    private static int ReadEscape(ReadOnlySpan<byte> source, int position, StringBuilder builder)
    {
        var next = ByteAt(source, position + 1);
        if (next == 'u')
        {
            return ByteAt(source, position + 2) == '{'
                ? ReadVariableWidthUnicodeEscape(source, position, builder)
                : ReadFixedWidthUnicodeEscape(source, position, builder);
        }

        char? escaped = next switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (escaped is null)
        {
            throw Error(source, position, $"Invalid character escape sequence: \"{SliceChars(source, position, 2)}\".");
        }

        builder.Append(escaped.Value);
        return 2;
    }

    private static int ReadVariableWidthUnicodeEscape(ReadOnlySpan<byte> source, int position, StringBuilder builder)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = ByteAt(source, position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalar(point))
                {
                    break;
                }

                builder.Append(new Rune(point).ToString());
                return size;
            }

            point = (point << 4) | HexValue(code);
            if (point < 0)
            {
                break;
            }
        }

        throw Error(source, position, $"Invalid Unicode escape sequence: \"{SliceChars(source, position, size)}\".");
    }

    private static int ReadFixedWidthUnicodeEscape(ReadOnlySpan<byte> source, int position, StringBuilder builder)
    {
        var code = Read16BitHex(source, position + 2);
        if (IsUnicodeScalar(code))
        {
            builder.Append((char)code);
            return 6;
        }

        // JSON-style surrogate pairs are allowed, but only when they form a valid pair.
        if (code is >= 0xD800 and <= 0xDBFF && ByteAt(source, position + 6) == '\\' && ByteAt(source, position + 7) == 'u')
        {
            var trailing = Read16BitHex(source, position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                builder.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw Error(source, position, $"Invalid Unicode escape sequence: \"{SliceChars(source, position, 6)}\".");
    }

    private void ReadBlockString(int start)
    {
        var source = _source;
        var startDelta = _charDelta;
        var startLine = _line;
        var startLineStartChar = _lineStartChar;
        var position = start + 3;
        var chunkStart = position;
        var current = new StringBuilder();
        var lines = new List<string>();
        while (position < source.Length)
        {
            var code = source[position];
            if (code == '"' && ByteAt(source, position + 1) == '"' && ByteAt(source, position + 2) == '"')
            {
                AppendUtf8(current, source[chunkStart..position]);
                lines.Add(current.ToString());
                var endDelta = _charDelta;
                var endLine = _line;
                var endLineStartChar = _lineStartChar;
                _charDelta = startDelta;
                _line = startLine;
                _lineStartChar = startLineStartChar;
                BeginToken(start);
                _charDelta = endDelta;
                _line = endLine;
                _lineStartChar = endLineStartChar;
                Kind = TokenKind.BlockString;
                FinishToken(position + 3);
                _decodedValue = BlockString.Dedent(lines);
                return;
            }

            if (code == '\\' && ByteAt(source, position + 1) == '"' && ByteAt(source, position + 2) == '"' &&
                ByteAt(source, position + 3) == '"')
            {
                AppendUtf8(current, source[chunkStart..position]);
                chunkStart = position + 1;
                position += 4;
                continue;
            }

            if (code == '\n' || code == '\r')
            {
                AppendUtf8(current, source[chunkStart..position]);
                lines.Add(current.ToString());
                current.Clear();
                position += code == '\r' && ByteAt(source, position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                _position = position;
                NewLine();
                continue;
            }

            if (code < 0x80)
            {
                position++;
                continue;
            }

            position += ReadNonAscii(source, position);
        }

        throw Error(source, position, "Unterminated string.");
    }
}
