import { gql, type TypedDocumentNode } from '@apollo/client';

// Every operation the dashboard sends, against schema.graphql. Results are read loosely typed (no code generator
// in the build); the screens read only fields selected here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Op = TypedDocumentNode<any, Record<string, unknown>>;
const op = (document: ReturnType<typeof gql>) => document as Op;

export const PAGE_INFO = gql`
  fragment PageInfoFields on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }
`;

export const PLAN_FIELDS = gql`
  fragment PlanFields on Plan {
    id name priceKes durationSeconds dataCapBytes uploadRateKbps downloadRateKbps maxDevices isActive createdAt updatedAt
  }
`;

export const MPESA_CONFIG_FIELDS = gql`
  fragment MpesaConfigFields on MpesaConfiguration {
    isActive environment shortCode transactionType tillNumber consumerKeyHint consumerSecretHint passkeyHint
    initiatorName initiatorPasswordHint credentialsVerified lastTestedAt lastTestError
    stkCallbackUrl c2bValidationUrl c2bConfirmationUrl b2cResultUrl b2cTimeoutUrl
  }
`;

export const KOPOKOPO_CONFIG_FIELDS = gql`
  fragment KopoKopoConfigFields on KopoKopoConfiguration {
    isActive environment clientIdHint clientSecretHint apiKeyHint businessName tillNumber credentialsVerified
    lastTestedAt lastTestError callbackUrls { callbackType url }
    webhookSubscriptions { eventType scope scopeReference status lastError updatedAt }
  }
`;

export const PAYMENT_SETTINGS_FIELDS = gql`
  fragment PaymentSettingsFields on Organization {
    id paymentMethod mpesaState kopokopoState
    mpesaConfig { ...MpesaConfigFields }
    kopokopoConfig { ...KopoKopoConfigFields }
  }
  ${MPESA_CONFIG_FIELDS}
  ${KOPOKOPO_CONFIG_FIELDS}
`;

export const LOGIN = op(gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) { token expiresAt user { id email role organization { id name } } }
  }
`);

export const ME = op(gql`
  query Me { me { id email role organization { id name } } }
`);

export const ORGANIZATIONS = op(gql`
  query Organizations { organizations { id name paymentMethod mpesaState kopokopoState createdAt } }
`);

export const CREATE_ORGANIZATION = op(gql`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) { id name paymentMethod mpesaState kopokopoState createdAt }
  }
`);

export const USERS = op(gql`
  query Users($organizationId: ID!) {
    organization(id: $organizationId) { id users { id email role isActive createdAt lastLoginAt } }
  }
`);

export const CREATE_USER = op(gql`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email role isActive createdAt lastLoginAt } }
`);

export const DEACTIVATE_USER = op(gql`
  mutation DeactivateUser($userId: ID!) { deactivateUser(userId: $userId) { id isActive } }
`);

export const PAYMENT_SETTINGS = op(gql`
  query PaymentSettings($organizationId: ID!) { organization(id: $organizationId) { ...PaymentSettingsFields } }
  ${PAYMENT_SETTINGS_FIELDS}
`);

export const UPDATE_MPESA = op(gql`
  mutation UpdateMpesa($organizationId: ID!, $input: MpesaConfigurationInput!) {
    updateMpesaConfiguration(organizationId: $organizationId, input: $input) { ...PaymentSettingsFields }
  }
  ${PAYMENT_SETTINGS_FIELDS}
`);

export const UPDATE_KOPOKOPO = op(gql`
  mutation UpdateKopoKopo($organizationId: ID!, $input: KopoKopoConfigurationInput!) {
    updateKopoKopoConfiguration(organizationId: $organizationId, input: $input) { ...PaymentSettingsFields }
  }
  ${PAYMENT_SETTINGS_FIELDS}
`);

export const TEST_MPESA = op(gql`
  mutation TestMpesa($organizationId: ID!) {
    testMpesaCredentials(organizationId: $organizationId) { success error testedAt organization { ...PaymentSettingsFields } }
  }
  ${PAYMENT_SETTINGS_FIELDS}
`);

export const TEST_KOPOKOPO = op(gql`
  mutation TestKopoKopo($organizationId: ID!) {
    testKopoKopoCredentials(organizationId: $organizationId) { success error testedAt organization { ...PaymentSettingsFields } }
  }
  ${PAYMENT_SETTINGS_FIELDS}
`);

export const SET_PAYMENT_METHOD = op(gql`
  mutation SetPaymentMethod($organizationId: ID!, $input: SetPaymentMethodInput!) {
    setPaymentMethod(organizationId: $organizationId, input: $input) { success message organization { ...PaymentSettingsFields } }
  }
  ${PAYMENT_SETTINGS_FIELDS}
`);

export const PLANS = op(gql`
  query Plans($organizationId: ID!, $first: Int, $after: String, $where: PlanFilterInput, $order: [PlanSortInput!]) {
    organization(id: $organizationId) {
      id
      plans(first: $first, after: $after, where: $where, order: $order) {
        totalCount pageInfo { ...PageInfoFields } edges { cursor node { ...PlanFields } }
      }
    }
  }
  ${PAGE_INFO}
  ${PLAN_FIELDS}
`);

export const CREATE_PLAN = op(gql`
  mutation CreatePlan($organizationId: ID!, $input: CreatePlanInput!) { createPlan(organizationId: $organizationId, input: $input) { ...PlanFields } }
  ${PLAN_FIELDS}
`);

export const UPDATE_PLAN = op(gql`
  mutation UpdatePlan($planId: ID!, $input: UpdatePlanInput!) { updatePlan(planId: $planId, input: $input) { ...PlanFields } }
  ${PLAN_FIELDS}
`);

export const ARCHIVE_PLAN = op(gql`
  mutation ArchivePlan($planId: ID!) { archivePlan(planId: $planId) { ...PlanFields } }
  ${PLAN_FIELDS}
`);

export const VOUCHER_FIELDS = gql`
  fragment VoucherFields on Voucher {
    id code status source purchaseId batchId durationSeconds createdAt activatedAt expiresAt revokedAt bytesUsed devices
    plan { id name priceKes durationSeconds }
  }
`;

export const VOUCHERS = op(gql`
  query Vouchers($organizationId: ID!, $first: Int, $after: String, $where: VoucherFilterInput, $order: [VoucherSortInput!]) {
    organization(id: $organizationId) {
      id name
      vouchers(first: $first, after: $after, where: $where, order: $order) {
        totalCount pageInfo { ...PageInfoFields } edges { cursor node { ...VoucherFields } }
      }
    }
  }
  ${PAGE_INFO}
  ${VOUCHER_FIELDS}
`);

export const GENERATE_VOUCHERS = op(gql`
  mutation GenerateVouchers($organizationId: ID!, $input: GenerateVouchersInput!) {
    generateVouchers(organizationId: $organizationId, input: $input) { batchId vouchers { ...VoucherFields } }
  }
  ${VOUCHER_FIELDS}
`);

export const REVOKE_VOUCHER = op(gql`
  mutation RevokeVoucher($voucherId: ID!) { revokeVoucher(voucherId: $voucherId) { ...VoucherFields } }
  ${VOUCHER_FIELDS}
`);

export const PURCHASE_FIELDS = gql`
  fragment PurchaseFields on Purchase {
    id status amountKes phoneNumber macAddress paymentMethod providerRequestId providerReceipt failureReason reviewReason
    createdAt updatedAt paidAt plan { id name } voucher { id code status }
  }
`;

export const PURCHASES = op(gql`
  query Purchases($organizationId: ID!, $first: Int, $after: String, $where: PurchaseFilterInput, $order: [PurchaseSortInput!]) {
    organization(id: $organizationId) {
      id
      purchases(first: $first, after: $after, where: $where, order: $order) {
        totalCount pageInfo { ...PageInfoFields } edges { cursor node { ...PurchaseFields } }
      }
    }
  }
  ${PAGE_INFO}
  ${PURCHASE_FIELDS}
`);

export const REFUND_PURCHASE = op(gql`
  mutation RefundPurchase($purchaseId: ID!, $input: RefundPurchaseInput) {
    refundPurchase(purchaseId: $purchaseId, input: $input) { success providerRequestId message }
  }
`);

export const RECENT_PAYMENTS = op(gql`
  query RecentPayments($organizationId: ID!, $first: Int) {
    organization(id: $organizationId) {
      id
      purchases(first: $first, order: [{ createdAt: DESC }]) {
        edges { cursor node { ...PurchaseFields } }
        pageInfo { ...PageInfoFields }
      }
    }
  }
  ${PAGE_INFO}
  ${PURCHASE_FIELDS}
`);

export const MPESA_TRANSACTIONS = op(gql`
  query MpesaTransactions($organizationId: ID!, $first: Int, $after: String, $where: MpesaTransactionFilterInput, $order: [MpesaTransactionSortInput!]) {
    organization(id: $organizationId) {
      id
      mpesaTransactions(first: $first, after: $after, where: $where, order: $order) {
        totalCount pageInfo { ...PageInfoFields }
        edges { cursor node {
          id kind status merchantRequestId checkoutRequestId receiptNumber resultCode resultDescription amountKes phoneNumber
          transactionDate receivedAt reviewReason purchase { id status }
        } }
      }
    }
  }
  ${PAGE_INFO}
`);

export const KOPOKOPO_TRANSACTIONS = op(gql`
  query KopoKopoTransactions($organizationId: ID!, $first: Int, $after: String, $where: KopoKopoTransactionFilterInput, $order: [KopoKopoTransactionSortInput!]) {
    organization(id: $organizationId) {
      id
      kopokopoTransactions(first: $first, after: $after, where: $where, order: $order) {
        totalCount pageInfo { ...PageInfoFields }
        edges { cursor node {
          id type status eventId reference providerStatus amountKes currency phoneNumber tillNumber occurredAt receivedAt
          reviewReason purchase { id status }
        } }
      }
    }
  }
  ${PAGE_INFO}
`);

export const PAYMENT_FIELDS = gql`
  fragment PaymentFields on Payment {
    id provider amountKes currency receipt phoneNumber receivedAt status reviewReason
    purchase { id status plan { id name } }
    resolution { action note resolvedBy resolvedAt voucher { id code } }
  }
`;

export const PAYMENTS_IN_REVIEW = op(gql`
  query PaymentsInReview($organizationId: ID!, $first: Int, $after: String, $where: PaymentFilterInput, $order: [PaymentSortInput!]) {
    organization(id: $organizationId) {
      id
      paymentsInReview(first: $first, after: $after, where: $where, order: $order) {
        totalCount pageInfo { ...PageInfoFields } edges { cursor node { ...PaymentFields } }
      }
      plans(first: 50, where: { isActive: { eq: true } }, order: [{ priceKes: ASC }]) { edges { cursor node { id name priceKes } } pageInfo { ...PageInfoFields } }
    }
  }
  ${PAGE_INFO}
  ${PAYMENT_FIELDS}
`);

export const RESOLVE_PAYMENT = op(gql`
  mutation ResolvePayment($organizationId: ID!, $paymentId: ID!, $input: ResolvePaymentInput!) {
    resolvePayment(organizationId: $organizationId, paymentId: $paymentId, input: $input) {
      success message providerRequestId payment { ...PaymentFields } voucher { id code }
    }
  }
  ${PAYMENT_FIELDS}
`);

export const REVENUE = op(gql`
  query Revenue($organizationId: ID!, $from: DateTime, $to: DateTime, $todayFrom: DateTime, $todayTo: DateTime) {
    organization(id: $organizationId) {
      id
      revenueByDay(from: $from, to: $to) { day amountKes purchaseCount }
      today: revenueByDay(from: $todayFrom, to: $todayTo) { day amountKes purchaseCount }
    }
  }
`);

export const ROUTER_FIELDS = gql`
  fragment RouterFields on Router { id name nasIdentifier ipAddress attributeProfile createdAt lastSeenAt removedAt }
`;

export const ROUTERS = op(gql`
  query Routers($organizationId: ID!) { organization(id: $organizationId) { id routers { ...RouterFields } } }
  ${ROUTER_FIELDS}
`);

export const REGISTER_ROUTER = op(gql`
  mutation RegisterRouter($organizationId: ID!, $input: RegisterRouterInput!) {
    registerRouter(organizationId: $organizationId, input: $input) { ...RouterFields }
  }
  ${ROUTER_FIELDS}
`);

export const UPDATE_ROUTER = op(gql`
  mutation UpdateRouter($organizationId: ID!, $routerId: ID!, $input: UpdateRouterInput!) {
    updateRouter(organizationId: $organizationId, routerId: $routerId, input: $input) { ...RouterFields }
  }
  ${ROUTER_FIELDS}
`);

export const REMOVE_ROUTER = op(gql`
  mutation RemoveRouter($organizationId: ID!, $routerId: ID!) {
    removeRouter(organizationId: $organizationId, routerId: $routerId) { success routerId organization { id routers { ...RouterFields } } }
  }
  ${ROUTER_FIELDS}
`);
