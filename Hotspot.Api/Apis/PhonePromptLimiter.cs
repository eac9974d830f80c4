using Hotspot.Domain.Phones;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Apis;

/// <summary>
/// At most <see cref="BillingRateLimits.PromptsPerPhone"/> purchases (each an M-Pesa prompt on the phone) per phone
/// number within <see cref="BillingRateLimits.PhoneWindowSeconds"/>, whichever address asks, so nobody can flood a
/// phone with prompts. A purchase the API refused (no prompt sent) gives its slot back. In memory, per API instance,
/// for at most <see cref="BillingRateLimits.TrackedPhones"/> numbers (the idlest are forgotten first).
/// </summary>
public sealed class PhonePromptLimiter(IOptions<BillingRateLimits> options, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTime>> _phones = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public int TrackedPhones
    {
        get { lock (_gate) return _phones.Count; }
    }

    /// <summary>Takes a slot for the number; when none is free, how long until one is. Unparseable numbers are not limited here (the purchase refuses them).</summary>
    public bool TryAcquire(string? phoneNumber, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!KenyanPhoneNumber.TryParse(phoneNumber, out var number))
            return true;
        var settings = options.Value;
        var window = TimeSpan.FromSeconds(Math.Max(1, settings.PhoneWindowSeconds));
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (!_phones.TryGetValue(number.Value, out var prompts))
            {
                MakeRoom(now, window, Math.Max(1, settings.TrackedPhones));
                prompts = new Queue<DateTime>();
                _phones[number.Value] = prompts;
            }
            while (prompts.Count > 0 && now - prompts.Peek() >= window)
                prompts.Dequeue();
            if (prompts.Count >= Math.Max(1, settings.PromptsPerPhone))
            {
                retryAfter = prompts.Peek() + window - now;
                return false;
            }
            prompts.Enqueue(now);
            return true;
        }
    }

    /// <summary>Gives back the slot of a purchase that sent no prompt (refused before the provider was asked).</summary>
    public void Release(string? phoneNumber)
    {
        if (!KenyanPhoneNumber.TryParse(phoneNumber, out var number))
            return;
        lock (_gate)
        {
            if (!_phones.TryGetValue(number.Value, out var prompts) || prompts.Count == 0)
                return;
            // Drop the newest slot (this request's).
            var kept = prompts.Take(prompts.Count - 1).ToList();
            prompts.Clear();
            foreach (var at in kept)
                prompts.Enqueue(at);
        }
    }

    public static string Message(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return "Too many payment requests for this phone number. Check the phone for an M-Pesa prompt, " +
               $"or try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }

    private void MakeRoom(DateTime now, TimeSpan window, int capacity)
    {
        if (_phones.Count < capacity)
            return;
        foreach (var (key, prompts) in _phones.ToList())
            if (prompts.Count == 0 || now - prompts.Last() >= window)
                _phones.Remove(key);
        if (_phones.Count < capacity)
            return;
        var drop = Math.Max(1, _phones.Count - capacity + capacity / 10);
        foreach (var key in _phones.OrderBy(p => p.Value.Last()).Take(drop).Select(p => p.Key).ToList())
            _phones.Remove(key);
    }
}
