namespace Hotspot.Domain.Plans;

/// <summary>What a customer buys: a price in whole shillings for a period of access, with optional limits.</summary>
public sealed class Plan
{
    /// <summary>Daraja accepts STK push amounts from 1 to 250,000 KES.</summary>
    public const long MaxPriceKes = 250_000;

    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);
    public const int MaxDevicesLimit = 100;

    private Plan() { Name = ""; }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; }
    public long PriceKes { get; private set; }
    public TimeSpan Duration { get; private set; }
    public long? DataCapBytes { get; private set; }
    public long? UploadRateKbps { get; private set; }
    public long? DownloadRateKbps { get; private set; }
    public int MaxDevices { get; private set; }

    /// <summary>Inactive (archived) plans are not sold; existing vouchers keep working.</summary>
    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Plan Create(Guid organizationId, PlanSettings settings, DateTime now)
    {
        var plan = new Plan { Id = Guid.NewGuid(), OrganizationId = organizationId, IsActive = true, CreatedAt = now };
        plan.Apply(settings, now);
        return plan;
    }

    public void Update(PlanSettings settings, DateTime now) => Apply(settings, now);

    public void Archive(DateTime now)
    {
        IsActive = false;
        UpdatedAt = now;
    }

    public void Restore(DateTime now)
    {
        IsActive = true;
        UpdatedAt = now;
    }

    private void Apply(PlanSettings settings, DateTime now)
    {
        var errors = new List<string>();
        var name = settings.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            errors.Add("name must have 1 to 100 characters");
        if (settings.PriceKes is < 1 or > MaxPriceKes)
            errors.Add($"price must be a whole number of shillings from 1 to {MaxPriceKes}");
        if (settings.Duration < MinDuration || settings.Duration > MaxDuration || settings.Duration.Ticks % TimeSpan.TicksPerSecond != 0)
            errors.Add("duration must be whole seconds, from 1 minute to 366 days");
        if (settings.DataCapBytes is <= 0)
            errors.Add("dataCapBytes must be positive when given");
        if (settings.UploadRateKbps is <= 0 || settings.DownloadRateKbps is <= 0)
            errors.Add("rate limits must be positive when given");
        if (settings.MaxDevices is < 1 or > MaxDevicesLimit)
            errors.Add($"maxDevices must be from 1 to {MaxDevicesLimit}");
        if (errors.Count > 0)
            throw DomainException.Validation("Invalid plan: " + string.Join("; ", errors) + ".");

        Name = name;
        PriceKes = settings.PriceKes;
        Duration = settings.Duration;
        DataCapBytes = settings.DataCapBytes;
        UploadRateKbps = settings.UploadRateKbps;
        DownloadRateKbps = settings.DownloadRateKbps;
        MaxDevices = settings.MaxDevices;
        UpdatedAt = now;
    }
}
