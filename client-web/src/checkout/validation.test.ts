import { describe, expect, it } from 'vitest';
import { emptyDetails, validateCheckout } from './validation';

const valid = {
  ...emptyDetails, name: 'Ana', email: 'ana@example.com', address: '1 Street', city: 'Madrid', postalCode: '28001', country: 'Spain',
  cardNumber: '4242 4242 4242 4242', expiry: '12/39', cvc: '123',
};
const now = new Date(2026, 10, 24);

describe('validateCheckout', () => {
  it('accepts complete details', () => {
    expect(validateCheckout(valid, now)).toEqual({});
  });

  it('names every missing field', () => {
    expect(Object.keys(validateCheckout(emptyDetails, now))).toEqual(['name', 'email', 'address', 'city', 'postalCode', 'country', 'cardNumber', 'expiry', 'cvc']);
  });

  it('refuses an expired card and a phone without country code', () => {
    const errors = validateCheckout({ ...valid, expiry: '10/26', phone: '600111222' }, now);
    expect(errors.expiry).toBe('This card has expired.');
    expect(errors.phone).toMatch(/country code/);
  });

  it('accepts the declining test card, whose decision is the server\'s', () => {
    expect(validateCheckout({ ...valid, cardNumber: '4000-0000-0000-0002' }, now)).toEqual({});
  });
});
