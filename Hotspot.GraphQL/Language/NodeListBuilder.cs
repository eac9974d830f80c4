using System.Buffers;

namespace Hotspot.GraphQL.Language;

/// <summary>
/// Collects parsed nodes and hands them over as an exactly sized array: the first four live in the struct,
/// more go to a pooled buffer, so the parser allocates only the final array instead of a growing list.
/// </summary>
internal struct NodeListBuilder<T>
    where T : class
{
    private T? _item0;
    private T? _item1;
    private T? _item2;
    private T? _item3;
    private T[]? _rest;
    private int _count;

    public void Add(T item)
    {
        switch (_count)
        {
            case 0: _item0 = item; break;
            case 1: _item1 = item; break;
            case 2: _item2 = item; break;
            case 3: _item3 = item; break;
            default:
                var index = _count - 4;
                if (_rest is null)
                {
                    _rest = ArrayPool<T>.Shared.Rent(8);
                }
                else if (index == _rest.Length)
                {
                    var larger = ArrayPool<T>.Shared.Rent(_rest.Length * 2);
                    _rest.AsSpan().CopyTo(larger);
                    ArrayPool<T>.Shared.Return(_rest, clearArray: true);
                    _rest = larger;
                }

                _rest[index] = item;
                break;
        }

        _count++;
    }

    public T[] ToArray()
    {
        if (_count == 0)
        {
            return [];
        }

        var result = new T[_count];
        result[0] = _item0!;
        if (_count > 1)
        {
            result[1] = _item1!;
        }

        if (_count > 2)
        {
            result[2] = _item2!;
        }

        if (_count > 3)
        {
            result[3] = _item3!;
        }

        if (_rest is not null)
        {
            _rest.AsSpan(0, _count - 4).CopyTo(result.AsSpan(4));
            ArrayPool<T>.Shared.Return(_rest, clearArray: true);
            _rest = null;
        }

        return result;
    }
}
