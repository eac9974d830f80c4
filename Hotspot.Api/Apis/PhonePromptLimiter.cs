using Hotspot.Domain.Phones;
using Hotspot.Storage.Limits;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Apis;

/// <summary>
/// At most <see cref="BillingRateLimits.PromptsPerPhone"/> purchases (each an M-Pesa prompt on the phone) per phone
/// number within <see cref="BillingRateLimits.PhoneWindowSeconds"/> (a window opens at the number's first prompt),
/// whichever address asks and whichever API instance answers, so nobody can flood a phone with prompts. A purchase
/// the API refused (no prompt sent) gives its slot back. Counted in the database (<see cref="LimiterCounts"/>).
/// </summary>
public sealed class PhonePromptLimiter(LimiterCounts counts, IOptions<BillingRateLimits> options)
{
    /// <summary>Takes a slot for the number: null when taken, else how long until one is free. Unparseable numbers are not limited here (the purchase refuses them).</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string? phoneNumber, CancellationToken cancellationToken)
    {
        if (!KenyanPhoneNumber.TryParse(phoneNumber, out var number))
            return null;
        var settings = options.Value;
        return await counts.TryTakeAsync(Key(number), settings.PromptsPerPhone,
            TimeSpan.FromSeconds(Math.Max(1, settings.PhoneWindowSeconds)), cancellationToken);
    }

    /// <summary>Gives back the slot of a purchase that sent no prompt (refused before the provider was asked).</summary>
    public async Task ReleaseAsync(string? phoneNumber, CancellationToken cancellationToken)
    {
        if (KenyanPhoneNumber.TryParse(phoneNumber, out var number))
            await counts.GiveBackAsync(Key(number), options.Value.PromptsPerPhone, cancellationToken);
    }

    public static string Message(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return "Too many payment requests for this phone number. Check the phone for an M-Pesa prompt, " +
               $"or try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }

    private static string Key(KenyanPhoneNumber number) => "phone:" + number.Value;
}
