import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CheckoutForm } from './CheckoutForm';

describe('CheckoutForm', () => {
  it('on a bad submit names each field to fix and moves focus to the first', async () => {
    const onSubmit = vi.fn();
    render(<CheckoutForm busy={false} onSubmit={onSubmit} />);

    await userEvent.click(screen.getByRole('button', { name: 'Place order' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
  });

  it('submits complete details once', async () => {
    const onSubmit = vi.fn();
    render(<CheckoutForm busy={false} onSubmit={onSubmit} />);
    const fill = async (label: string, text: string) => userEvent.type(screen.getByLabelText(label), text);
    await fill('Full name', 'Ana');
    await fill('E-mail', 'ana@example.com');
    await fill('Street address', '1 Street');
    await fill('City', 'Madrid');
    await fill('Postal code', '28001');
    await fill('Country', 'Spain');
    await fill('Card number', '4000 0000 0000 0002');
    await fill('Expiry (MM/YY)', '12/39');
    await fill('Security code', '123');

    await userEvent.click(screen.getByRole('button', { name: 'Place order' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ cardNumber: '4000 0000 0000 0002', email: 'ana@example.com' });
  });

  it('while busy, the submit button says so and cannot be pressed', () => {
    render(<CheckoutForm busy onSubmit={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Placing your order…' })).toBeDisabled();
  });
});
