using System.Text;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>
/// Valid bodies of each route kind, on the seeded organization's ids, for <see cref="HostileBodies"/> to mutate.
/// A route nobody listed here (added later) gets all of them: one of them may be close to what it reads.
/// </summary>
public sealed record ValidBodies(Guid OrganizationId, Guid PlanId, string PendingCheckoutId, string NasIdentifier, string VoucherCode)
{
    public IReadOnlyList<byte[]> For(string routeTemplate)
    {
        var template = routeTemplate.ToLowerInvariant();
        var bodies =
            template.Contains("/radius/") ? Radius()
            : template.Contains("kopokopo/callback") ? KopoKopoCallbacks()
            : template.Contains("kopokopo/pay") ? [Pay()]
            : template.Contains("daraja/callback") ? [StkSuccess(), StkFailure()]
            : template.Contains("/c2b/") ? [C2B()]
            : template.Contains("/b2c/") ? [B2CResult()]
            : template.Contains("purchase-voucher") ? [Purchase()]
            : template.Contains("graphql") ? [GraphQL()]
            : [.. Radius(), .. KopoKopoCallbacks(), Pay(), StkSuccess(), C2B(), B2CResult(), Purchase(), GraphQL()];
        return bodies.Select(Encoding.UTF8.GetBytes).ToList();
    }

    private string Purchase() => $$$"""{"organizationId":"{{{OrganizationId}}}","planId":"{{{PlanId}}}","phoneNumber":"0708374149","macAddress":"AA:BB:CC:DD:EE:42"}""";

    private string Pay() => $$$"""{"organizationId":"{{{OrganizationId}}}","phoneNumber":"254708374149","amountKes":100,"reason":"Refund"}""";

    private string GraphQL() => $$$"""
        {"query":"query($id: ID!) { organization(id: $id) { id name } me { email } }","variables":{"id":"{{{OrganizationId}}}"},"operationName":null}
        """;

    private string StkSuccess() => $$$"""
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"{{{PendingCheckoutId}}}","ResultCode":0,
        "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":20},
        {"Name":"MpesaReceiptNumber","Value":"THX1138AB"},{"Name":"Balance"},{"Name":"TransactionDate","Value":20261205101500},
        {"Name":"PhoneNumber","Value":254712345678}]} } } }
        """;

    private string StkFailure() => $$$"""
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"{{{PendingCheckoutId}}}","ResultCode":1032,"ResultDesc":"Request cancelled by user"} } }
        """;

    private static string C2B() => """
        {"TransactionType":"Pay Bill","TransID":"THX1138C2B","TransTime":"20261205121325","TransAmount":"20.00","BusinessShortCode":"174379",
        "BillRefNumber":"hotspot","InvoiceNumber":"","OrgAccountBalance":"25.00","ThirdPartyTransID":"","MSISDN":"2547 ***** 126",
        "FirstName":"JANE","MiddleName":"","LastName":""}
        """;

    private static string B2CResult() => """
        {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
        "OriginatorConversationID":"hostile-originator-1","ConversationID":"AG_20261205_hostile","TransactionID":"THX1138B2C",
        "ResultParameters":{"ResultParameter":[{"Key":"TransactionAmount","Value":20},{"Key":"TransactionReceipt","Value":"THX1138B2C"},
        {"Key":"B2CRecipientIsRegisteredCustomer","Value":"Y"}]},"ReferenceData":{"ReferenceItem":{"Key":"QueueTimeoutURL","Value":"https://example.test/timeout"}}}}
        """;

    private static List<string> KopoKopoCallbacks() =>
    [
        """
        {"topic":"buygoods_transaction_received","id":"hostile-event-1","created_at":"2026-12-05T10:15:00+03:00",
        "event":{"type":"Buygoods Transaction","resource":{"id":"hostile-resource-1","amount":"20.0","status":"Received",
        "system":"Lipa Na M-PESA","currency":"KES","reference":"THX1138K2","till_number":"K514459","sender_phone_number":"+254712345678",
        "hashed_sender_phone":"abc","origination_time":"2026-12-05T10:14:58+03:00","sender_last_name":"Doe","sender_first_name":"Jane",
        "sender_middle_name":null}},"_links":{"self":"https://example.test/webhook_events/1","resource":"https://example.test/financial_transaction/1"}}
        """,
        """
        {"data":{"id":"hostile-incoming-1","type":"incoming_payment","attributes":{"initiation_time":"2026-12-05T10:14:48.622+03:00",
        "status":"Success","event":{"type":"Incoming Payment Request","resource":{"id":"hostile-resource-2","reference":"THX1138K3",
        "origination_time":"2026-12-05T10:14:54+03:00","sender_phone_number":"+254712345678","amount":"20.0","currency":"KES",
        "till_number":"K514459","system":"Lipa Na M-PESA","status":"Received","sender_first_name":"Jane","sender_middle_name":null,
        "sender_last_name":"Doe"},"errors":null},"metadata":{"purchase":"x","notes":"hotspot"},
        "_links":{"callback_url":"https://example.test/callback","self":"https://example.test/incoming_payments/1"}}}}
        """,
        """
        {"data":{"id":"hostile-payout-1","type":"send_money","attributes":{"status":"Processed","created_at":"2026-12-05T10:14:48.622+03:00",
        "destinations":[{"type":"mobile_wallet","amount":100,"phone_number":"+254708374149","description":"Refund"}],"currency":"KES",
        "transfer_batches":[{"status":"Transferred","amount":"100.0","disbursements":[{"amount":"100.0","errors":null,"status":"Transferred",
        "destination_type":"mobile_wallet","destination_reference":"x","transaction_reference":"THX1138K4"}]}],"errors":null,
        "metadata":{"reason":"Refund"},"_links":{"callback_url":"https://example.test/callback","self":"https://example.test/send_money/1"}}}}
        """,
    ];

    private List<string> Radius() =>
    [
        $$$"""
        {"User-Name":{"type":"string","value":["{{{VoucherCode}}}"]},"User-Password":{"type":"string","value":["{{{VoucherCode}}}"]},
        "NAS-Identifier":{"type":"string","value":["{{{NasIdentifier}}}"]},"NAS-IP-Address":{"type":"ipaddr","value":["10.8.0.9"]},
        "Calling-Station-Id":{"type":"string","value":["AA:BB:CC:DD:EE:42"]}}
        """,
        $$$"""
        {"Acct-Status-Type":{"type":"integer","value":["Interim-Update"]},"User-Name":{"type":"string","value":["{{{VoucherCode}}}"]},
        "Acct-Session-Id":{"type":"string","value":["hostile-session-1"]},"NAS-Identifier":{"type":"string","value":["{{{NasIdentifier}}}"]},
        "Calling-Station-Id":{"type":"string","value":["AA:BB:CC:DD:EE:42"]},"Acct-Input-Octets":{"type":"integer","value":[1000]},
        "Acct-Input-Gigawords":{"type":"integer","value":[0]},"Acct-Output-Octets":{"type":"integer","value":[2000]},
        "Acct-Session-Time":{"type":"integer","value":[60]},"Class":{"type":"octets","value":["0x00"]}}
        """,
    ];
}
