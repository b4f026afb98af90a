// Order bodies for tests: valid by default, each field overridable.
import type { CreateOrderBody } from '#shared/domain/order';

const address = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

export const orderBody = (overrides: Partial<CreateOrderBody> = {}): CreateOrderBody => ({
  customer: { customerId: 'customer-1', name: 'Ada Lovelace', email: 'ada@example.com' },
  billingAddress: address,
  shippingAddress: address,
  currency: 'USD',
  lineItems: [
    { sku: 'MUG-1', title: 'Mug', quantity: 3, unitPrice: 1000, discount: 300, tax: 300 },
    { sku: 'TEE-1', title: 'T-shirt', variantTitle: 'M', categoryIds: ['apparel'], quantity: 1, unitPrice: 2500 },
  ],
  shipping: { method: 'standard', amount: 500, tax: 50 },
  paymentMethod: 'card',
  paymentStatus: 'paid',
  ...overrides,
});
