namespace Hotspot.GraphQL.Binding;

/// <summary>Turns what a resolver method returns (a value, a task, a value task) into the engine's <see cref="ValueTask{T}"/> of object.</summary>
internal static class ResolverResults
{
    public static ValueTask<object?> FromValue<T>(T value) => new(value);

    public static ValueTask<object?> FromTask<T>(Task<T> task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>(task.Result);
        return Await(task);

        static async ValueTask<object?> Await(Task<T> pending) => await pending.ConfigureAwait(false);
    }

    public static ValueTask<object?> FromTask(Task task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>((object?)null);
        return Await(task);

        static async ValueTask<object?> Await(Task pending)
        {
            await pending.ConfigureAwait(false);
            return null;
        }
    }

    public static ValueTask<object?> FromValueTask<T>(ValueTask<T> task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>(task.Result);
        return Await(task);

        static async ValueTask<object?> Await(ValueTask<T> pending) => await pending.ConfigureAwait(false);
    }

    public static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>((object?)null);
        return Await(task);

        static async ValueTask<object?> Await(ValueTask pending)
        {
            await pending.ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>A subscription's source stream as a stream of objects (value-typed events are boxed one by one).</summary>
    public static IAsyncEnumerable<object?> Events<T>(IAsyncEnumerable<T> events) =>
        events as IAsyncEnumerable<object?> ?? Box(events);

    public static async ValueTask<IAsyncEnumerable<object?>> EventsFromTask<T>(Task<IAsyncEnumerable<T>> events) =>
        Events(await events.ConfigureAwait(false));

    public static async ValueTask<IAsyncEnumerable<object?>> EventsFromValueTask<T>(ValueTask<IAsyncEnumerable<T>> events) =>
        Events(await events.ConfigureAwait(false));

    private static async IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> events)
    {
        await foreach (var item in events.ConfigureAwait(false)) yield return item;
    }
}
