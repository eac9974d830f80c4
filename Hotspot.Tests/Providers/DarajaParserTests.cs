using System.Text;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;

namespace Hotspot.Tests.Providers;

/// <summary>Edge cases of the Daraja parsers beyond the fixtures.</summary>
public class DarajaParserTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Callback(string items, int code = 0) =>
        """{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"ws_CO_1","ResultCode":""" + code
        + ""","ResultDesc":"ok","CallbackMetadata":{"Item":[""" + items + "]}}}}";

    [Test]
    public void Items_are_found_by_name_in_any_order_and_types()
    {
        var body = Callback("""{"Name":"PhoneNumber","Value":"254712345678"},{"Name":"Balance","Value":"12.50"},{"Name":"TransactionDate","Value":"20240102003005"},{"Name":"MpesaReceiptNumber","Value":"SAB1234567"},{"Name":"Amount","Value":"250"}""");
        var stk = StkCallbackParser.Parse(Utf8(body)).Value;
        Assert.That(stk.AmountShillings, Is.EqualTo(250L));
        Assert.That(stk.ReceiptNumber, Is.EqualTo("SAB1234567"));
        Assert.That(stk.PhoneNumber, Is.EqualTo("254712345678"));
        Assert.That(stk.Balance, Is.EqualTo(12.50m));
        Assert.That(stk.TransactionDate, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 0, 30, 5, TimeSpan.FromHours(3))));
    }

    [TestCase("1.50")]
    [TestCase("0.99")]
    [TestCase("\"10.5\"")]
    [TestCase("\"ten\"")]
    [TestCase("true")]
    public void Fractional_or_unreadable_amounts_are_refused(string amount)
    {
        var body = Callback($$"""{"Name":"Amount","Value":{{amount}}},{"Name":"MpesaReceiptNumber","Value":"R1"}""");
        var result = StkCallbackParser.Parse(Utf8(body));
        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Error!.Kind, Is.EqualTo(GatewayErrorKind.InvalidCallback));
    }

    [Test]
    public void A_success_without_receipt_is_refused() =>
        Assert.That(StkCallbackParser.Parse(Utf8(Callback("""{"Name":"Amount","Value":1}"""))).IsSuccess, Is.False);

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{}")]
    [TestCase("""{"Body":{"stkCallback":{"ResultCode":0}}}""")]
    [TestCase("""{"Body":{"stkCallback":{"CheckoutRequestID":"x","ResultCode":{"a":1}}}}""")]
    [TestCase("""{"Body":{"stkCallback":{"CheckoutRequestID":"x","ResultCode":1,"CallbackMetadata":{"Item":"oops"}}}}""")]
    public void Malformed_callbacks_give_errors_not_exceptions(string body)
    {
        Assert.That(StkCallbackParser.Parse(Utf8(body)).IsSuccess, Is.False);
        Assert.That(DarajaResultParser.Parse(Utf8(body)).IsSuccess, Is.False);
        Assert.That(C2BNotificationParser.Parse(Utf8(body)).IsSuccess, Is.False);
    }

    [Test]
    public void Result_codes_map_to_failure_reasons()
    {
        Assert.That(StkResultCodes.State("0"), Is.EqualTo(PaymentState.Succeeded));
        Assert.That(StkResultCodes.State("4999"), Is.EqualTo(PaymentState.Pending));
        Assert.That(StkResultCodes.State("1019"), Is.EqualTo(PaymentState.Failed));
        Assert.That(StkResultCodes.Reason("1019"), Is.EqualTo(PaymentFailureReason.Expired));
        Assert.That(StkResultCodes.State("SFC_IC0003"), Is.EqualTo(PaymentState.Failed));
        Assert.That(StkResultCodes.Reason("9999"), Is.EqualTo(PaymentFailureReason.Other));
    }

    [Test]
    public void C2B_fractional_amount_is_refused() =>
        Assert.That(C2BNotificationParser.Parse(Utf8("""{"TransID":"X1","TransAmount":"5.50"}""")).IsSuccess, Is.False);
}
