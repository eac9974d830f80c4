using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotspot.Storage.Configurations;

/// <summary>
/// Encrypts a value on its way into the database, like <see cref="EncryptedStringConverter"/>, but reads a value
/// without the <c>enc:v1:</c> prefix as it is: for a column that was stored in plain text before it was encrypted.
/// Such a value is encrypted the next time its row is saved.
/// </summary>
internal sealed class EncryptedOrLegacyPlainStringConverter(SecretProtector protector) : ValueConverter<string, string>(
    v => protector.Protect(v),
    v => SecretProtector.IsProtected(v) ? protector.Unprotect(v) : v);
