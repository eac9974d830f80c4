using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotspot.Storage.Configurations;

/// <summary>Encrypts a credential on its way into the database and decrypts it on its way out.</summary>
internal sealed class EncryptedStringConverter(SecretProtector protector) : ValueConverter<string, string>(
    v => protector.Protect(v),
    v => protector.Unprotect(v));
