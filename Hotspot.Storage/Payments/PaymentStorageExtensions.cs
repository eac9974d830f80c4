using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Storage.Payments;

public static class PaymentStorageExtensions
{
    /// <summary>Applying provider outcomes to purchases and their stored callbacks.</summary>
    public static IServiceCollection AddPaymentStorage(this IServiceCollection services)
    {
        services.AddSingleton<PurchaseMetrics>();
        services.AddSingleton<ReceiptLinks>();
        services.AddSingleton<LostStkAnswerMatcher>();
        services.AddSingleton<PaymentOutcomes>();
        return services;
    }
}
