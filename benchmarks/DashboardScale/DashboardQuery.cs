namespace DashboardScale;

/// <summary>The README's dashboard query, sent with variable <c>o</c>, the organization id.</summary>
internal static class DashboardQuery
{
    public const string Text = """
        query Dashboard($o: ID!) { organization(id: $o) {
          id name paymentMethod mpesaState kopokopoState
          mpesaConfig { isActive environment shortCode transactionType consumerKeyHint credentialsVerified lastTestedAt stkCallbackUrl }
          kopokopoConfig { isActive environment tillNumber apiKeyHint credentialsVerified webhookSubscriptions { eventType status } }
          purchases(first: 20, where: { status: { eq: PAID } }, order: [{ paidAt: DESC }]) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id amountKes status phoneNumber paidAt plan { name } voucher { code } } }
          mpesaTransactions(first: 20) { totalCount nodes { id kind receiptNumber amountKes status receivedAt } }
          kopokopoTransactions(first: 20) { totalCount nodes { id type reference amountKes status receivedAt } }
          vouchers(first: 20, where: { status: { eq: UNUSED } }) { totalCount nodes { code status plan { name priceKes } } }
          revenueByDay { day amountKes purchaseCount } } }
        """;
}
