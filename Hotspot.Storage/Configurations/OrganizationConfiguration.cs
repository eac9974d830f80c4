using Hotspot.Domain.Organizations;
using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotspot.Storage.Configurations;

/// <summary>
/// <c>organizations</c>, with each provider configuration as an owned JSON column whose secrets are encrypted.
/// </summary>
internal sealed class OrganizationConfiguration(SecretProtector protector) : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.PaymentMethod).HasConversion<string>();
        builder.Ignore(o => o.PendingAuditEntries);
        var encrypted = new EncryptedStringConverter(protector);
        // The Kopo Kopo client id was stored in plain text before; those rows must still read.
        var encryptedSincePlain = new EncryptedOrLegacyPlainStringConverter(protector);

        builder.OwnsOne(o => o.MpesaConfiguration, mpesa =>
        {
            mpesa.ToJson("mpesa_configuration");
            mpesa.Property(m => m.Environment).HasConversion<string>();
            mpesa.Property(m => m.TransactionType).HasConversion<string>();
            mpesa.Property(m => m.ConsumerKey).HasConversion(encrypted);
            mpesa.Property(m => m.ConsumerSecret).HasConversion(encrypted);
            mpesa.Property(m => m.Passkey).HasConversion(encrypted);
            mpesa.Property(m => m.InitiatorPassword).HasConversion((ValueConverter)encrypted);
        });

        builder.OwnsOne(o => o.KopoKopoConfiguration, kopokopo =>
        {
            kopokopo.ToJson("kopokopo_configuration");
            kopokopo.Property(k => k.Environment).HasConversion<string>();
            kopokopo.Property(k => k.ClientId).HasConversion(encryptedSincePlain);
            kopokopo.Property(k => k.ClientSecret).HasConversion(encrypted);
            kopokopo.Property(k => k.ApiKey).HasConversion(encrypted);
            kopokopo.OwnsMany(k => k.WebhookSubscriptions, subscription =>
            {
                subscription.Property(s => s.Status).HasConversion<string>();
            });
            kopokopo.Navigation(k => k.WebhookSubscriptions).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
