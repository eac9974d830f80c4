using System.Security.Cryptography;
using Hotspot.Storage.Secrets;
using Microsoft.Extensions.Logging;
using Moq;

namespace Hotspot.Tests.Storage;

public class SecretProtectorTests
{
    private static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    [Test]
    public void Round_trips_and_never_repeats_a_ciphertext()
    {
        var protector = new SecretProtector(EncryptionKeyRing.Create(NewKey()));
        var first = protector.Protect("made-up passkey ✓");
        var second = protector.Protect("made-up passkey ✓");
        Assert.That(first, Is.Not.EqualTo(second), "random nonce per value");
        Assert.That(first, Does.StartWith($"enc:v1:{protector.Keys.CurrentKeyId}:"));
        Assert.That(protector.Unprotect(first), Is.EqualTo("made-up passkey ✓"));
        Assert.That(protector.Unprotect(protector.Protect("")), Is.EqualTo(""));
    }

    [Test]
    public void A_changed_byte_is_detected()
    {
        var protector = new SecretProtector(EncryptionKeyRing.Create(NewKey()));
        var value = protector.Protect("made-up secret");
        var prefixLength = value.LastIndexOf(':') + 1;
        var payload = Convert.FromBase64String(value[prefixLength..]);
        payload[^1] ^= 1;
        var tampered = value[..prefixLength] + Convert.ToBase64String(payload);
        Assert.Throws<AuthenticationTagMismatchException>(() => protector.Unprotect(tampered));
    }

    [Test]
    public void Another_key_cannot_read_it_and_says_which_key_is_missing()
    {
        var writer = new SecretProtector(EncryptionKeyRing.Create(NewKey()));
        var reader = new SecretProtector(EncryptionKeyRing.Create(NewKey()));
        var value = writer.Protect("made-up secret");
        var error = Assert.Throws<CryptographicException>(() => reader.Unprotect(value));
        Assert.That(error!.Message, Does.Contain(writer.Keys.CurrentKeyId).And.Contain("HOTSPOT_ENCRYPTION_OLD_KEYS"));
    }

    [Test]
    public void An_old_key_still_decrypts_after_rotation_and_new_values_use_the_new_key()
    {
        var oldKey = NewKey();
        var newKey = NewKey();
        var before = new SecretProtector(EncryptionKeyRing.Create(oldKey)).Protect("made-up secret");
        var after = new SecretProtector(EncryptionKeyRing.Create(newKey, oldKey));
        Assert.That(after.Unprotect(before), Is.EqualTo("made-up secret"));
        Assert.That(SecretProtector.KeyIdOf(after.Protect("x")), Is.EqualTo(EncryptionKeyRing.KeyIdOf(newKey)));
    }

    [Test]
    public void A_swapped_key_id_is_detected()
    {
        var oldKey = NewKey();
        var newKey = NewKey();
        var protector = new SecretProtector(EncryptionKeyRing.Create(newKey, oldKey));
        var value = protector.Protect("made-up secret");
        var swapped = value.Replace(EncryptionKeyRing.KeyIdOf(newKey), EncryptionKeyRing.KeyIdOf(oldKey));
        Assert.Throws<AuthenticationTagMismatchException>(() => protector.Unprotect(swapped));
    }

    [TestCase("plain text")]
    [TestCase("enc:v1:")]
    [TestCase("enc:v1:abcd1234:not base64!")]
    [TestCase("enc:v1:abcd1234:AAAA")]
    public void Malformed_values_are_refused(string value)
    {
        var protector = new SecretProtector(EncryptionKeyRing.Create(NewKey()));
        Assert.Throws<CryptographicException>(() => protector.Unprotect(value));
    }

    [TestCase("")]
    [TestCase("c2hvcnQ=")]
    [TestCase("not base64 at all")]
    public void A_bad_configured_key_is_a_clear_error(string key)
    {
        var directory = TempDirectory();
        var options = new EncryptionOptions { Key = key == "" ? null : key, OldKeys = key == "" ? "c2hvcnQ=" : null };
        var error = Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.Load(options, directory, Mock.Of<ILogger>()));
        Assert.That(error!.Message, Does.Contain("HOTSPOT_ENCRYPTION"));
    }

    [Test]
    public void The_configured_key_is_used_without_a_warning()
    {
        var key = NewKey();
        var logger = new Mock<ILogger>();
        var ring = EncryptionKeyRing.Load(new EncryptionOptions { Key = Convert.ToBase64String(key) }, TempDirectory(), logger.Object);
        Assert.That(ring.CurrentKeyId, Is.EqualTo(EncryptionKeyRing.KeyIdOf(key)));
        Assert.That(ring.IsDevelopmentKey, Is.False);
        logger.Verify(l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Never);
    }

    [Test]
    public void Without_a_key_a_development_key_is_generated_kept_and_warned_about()
    {
        var directory = Path.Combine(TempDirectory(), "nested");
        var logger = new Mock<ILogger>();
        var first = EncryptionKeyRing.Load(new EncryptionOptions(), directory, logger.Object);
        var value = new SecretProtector(first).Protect("made-up secret");

        var afterRestart = EncryptionKeyRing.Load(new EncryptionOptions(), directory, logger.Object);

        Assert.That(first.IsDevelopmentKey, Is.True);
        Assert.That(afterRestart.CurrentKeyId, Is.EqualTo(first.CurrentKeyId));
        Assert.That(new SecretProtector(afterRestart).Unprotect(value), Is.EqualTo("made-up secret"));
        Assert.That(File.Exists(Path.Combine(directory, EncryptionKeyRing.DevelopmentKeyFileName)), Is.True);
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(Path.Combine(directory, EncryptionKeyRing.DevelopmentKeyFileName)),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        logger.Verify(l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((v, _) => $"{v}".Contains("HOTSPOT_ENCRYPTION_KEY")),
            It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Exactly(2));
    }

    private readonly List<string> _directories = [];

    [TearDown]
    public void DeleteDirectories()
    {
        foreach (var directory in _directories)
            Directory.Delete(directory, recursive: true);
        _directories.Clear();
    }

    private string TempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hotspot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        _directories.Add(directory);
        return directory;
    }
}
