using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Tests.Api.Scale;

/// <summary>What the scale tests send as Daraja: the phone the simulator never calls back for, and an STK success.</summary>
internal static class ScaleCallbacks
{
    /// <summary>The simulator sends no callback for this phone: its purchases wait for the reconciler.</summary>
    public const string LostCallbackPhone = "254700000005";

    /// <summary>A successful STK callback for the checkout, with a receipt derived from it (the same checkout, the same receipt).</summary>
    public static string StkSuccess(string checkout, long price)
    {
        var receipt = "S" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(checkout)))[..9];
        const string template = """{"Body":{"stkCallback":{"MerchantRequestID":"scale-test","CheckoutRequestID":"CHECKOUT","ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":PRICE},{"Name":"MpesaReceiptNumber","Value":"RECEIPT"},{"Name":"PhoneNumber","Value":254700000005}]}}}}""";
        return template.Replace("CHECKOUT", checkout).Replace("PRICE", price.ToString()).Replace("RECEIPT", receipt);
    }
}
