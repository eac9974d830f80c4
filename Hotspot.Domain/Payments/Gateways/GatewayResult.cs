namespace Hotspot.Domain.Payments.Gateways;

/// <summary>Either a value or a typed provider error; gateways never throw for provider or input failures.</summary>
public sealed class GatewayResult<T>
{
    private readonly T? _value;

    private GatewayResult(T? value, GatewayError? error)
    {
        _value = value;
        Error = error;
    }

    public GatewayError? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Code} {Error.Message}");

    public static GatewayResult<T> Success(T value) => new(value, null);

    public static GatewayResult<T> Failure(GatewayError error) => new(default, error);

    public static implicit operator GatewayResult<T>(GatewayError error) => Failure(error);

    public GatewayResult<TOther> Map<TOther>(Func<T, TOther> map) =>
        IsSuccess ? GatewayResult<TOther>.Success(map(_value!)) : GatewayResult<TOther>.Failure(Error!);

    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error})";
}
