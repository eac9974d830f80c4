using Hotspot.Domain;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;

namespace Hotspot.Tests.Domain;

public class PaymentConfigurationTests
{
    [Test]
    public void A_paybill_configuration_receives_on_its_short_code()
    {
        var configuration = MpesaConfiguration.Create(PaymentEnvironment.Production, " 600000 ", MpesaTransactionType.Paybill, null, "k", "s", "p");
        Assert.That(configuration.ShortCode, Is.EqualTo("600000"));
        Assert.That(configuration.ReceivingParty, Is.EqualTo("600000"));
        Assert.That(configuration.CredentialsVerified, Is.False);
        Assert.That(configuration.CanRefund, Is.False);
    }

    [Test]
    public void Buy_goods_needs_a_till_and_receives_on_it()
    {
        var error = Assert.Throws<DomainException>(() =>
            MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.BuyGoods, null, "k", "s", "p"));
        Assert.That(error!.Message, Does.Contain("tillNumber"));
        var configuration = MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.BuyGoods, "5123456", "k", "s", "p");
        Assert.That(configuration.ReceivingParty, Is.EqualTo("5123456"));
    }

    [Test]
    public void Every_problem_is_named_in_one_message_without_echoing_secrets()
    {
        var error = Assert.Throws<DomainException>(() =>
            MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "12ab", MpesaTransactionType.Paybill, null, "", " ", null, "initiator", null));
        Assert.That(error!.Code, Is.EqualTo(DomainErrorCodes.Validation));
        Assert.That(error.Message, Does.Contain("shortCode").And.Contain("consumerKey").And.Contain("consumerSecret")
            .And.Contain("passkey").And.Contain("initiatorPassword"));
    }

    [Test]
    public void The_b2c_initiator_is_optional_but_complete()
    {
        var configuration = MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.Paybill, null, "k", "s", "p", "testapi", "made-up");
        Assert.That(configuration.CanRefund, Is.True);
    }

    [TestCase("K000123")]
    [TestCase("k000123")]
    [TestCase("514459")]
    public void Kopo_kopo_tills_may_carry_a_k(string till)
    {
        var configuration = KopoKopoConfiguration.Create(PaymentEnvironment.Sandbox, "c", "s", "k", "Biz", till);
        Assert.That(configuration.TillNumber, Is.EqualTo(till.ToUpperInvariant()));
    }

    [Test]
    public void Kopo_kopo_needs_every_credential()
    {
        var error = Assert.Throws<DomainException>(() => KopoKopoConfiguration.Create(PaymentEnvironment.Sandbox, "", null, " ", "", "K12"));
        Assert.That(error!.Message, Does.Contain("clientId").And.Contain("clientSecret").And.Contain("apiKey").And.Contain("businessName").And.Contain("tillNumber"));
    }
}
