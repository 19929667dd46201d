export interface CheckoutDetails {
  name: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  postalCode: string;
  country: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export const emptyDetails: CheckoutDetails = {
  name: '', email: '', phone: '', address: '', city: '', postalCode: '', country: '', cardNumber: '', expiry: '', cvc: '',
};

export type CheckoutErrors = Partial<Record<keyof CheckoutDetails, string>>;

export function cardDigits(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '');
}

/** Checks what a shopper typed before anything is sent; each message says how to fix the field. */
export function validateCheckout(d: CheckoutDetails, now = new Date()): CheckoutErrors {
  const errors: CheckoutErrors = {};
  if (!d.name.trim()) errors.name = 'Enter your name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors.email = 'Enter an e-mail address like name@example.com.';
  if (d.phone.trim() && !/^\+[0-9]{8,15}$/.test(d.phone.replace(/[\s-]/g, ''))) errors.phone = 'Enter the phone number with its country code, like +34600111222, or leave it empty.';
  if (!d.address.trim()) errors.address = 'Enter the street address.';
  if (!d.city.trim()) errors.city = 'Enter the city.';
  if (!d.postalCode.trim()) errors.postalCode = 'Enter the postal code.';
  if (!d.country.trim()) errors.country = 'Enter the country.';
  if (!/^[0-9]{12,19}$/.test(cardDigits(d.cardNumber))) errors.cardNumber = 'Enter the card number: 12 to 19 digits.';
  const expiry = /^(0[1-9]|1[0-2])\s*\/\s*([0-9]{2})$/.exec(d.expiry.trim());
  if (!expiry) errors.expiry = 'Enter the expiry date as MM/YY.';
  else {
    const end = new Date(2000 + Number(expiry[2]), Number(expiry[1]), 1);
    if (end <= now) errors.expiry = 'This card has expired.';
  }
  if (!/^[0-9]{3,4}$/.test(d.cvc.trim())) errors.cvc = 'Enter the 3 or 4 digit security code.';
  return errors;
}
