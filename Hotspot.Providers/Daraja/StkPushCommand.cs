namespace Hotspot.Providers.Daraja;

/// <param name="PhoneNumber"><c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>; pays and receives the prompt.</param>
/// <param name="AmountShillings">1 to 250,000 whole shillings.</param>
/// <param name="AccountReference">At most 12 characters, shown in the prompt.</param>
/// <param name="TransactionDescription">At most 13 characters.</param>
public sealed record StkPushCommand(
    string PhoneNumber,
    long AmountShillings,
    string AccountReference,
    string TransactionDescription,
    Uri CallbackUrl);
