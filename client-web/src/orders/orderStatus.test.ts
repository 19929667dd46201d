import { describe, expect, it } from 'vitest';
import { order } from '../test/fakeApi';
import { explainFailure, isFinal, stepStates } from './orderStatus';

describe('explainFailure', () => {
  it('names the books that ran out, by title', () => {
    const text = explainFailure(order({ status: 'rejected', reason: 'out_of_stock', outOfStock: ['book-001'] }));
    expect(text).toMatch(/Not enough stock for: Clean Code/);
    expect(text).toMatch(/Nothing was charged/);
  });

  it('says a card was declined', () => {
    expect(explainFailure(order({ status: 'payment_failed', reason: 'card_declined' }))).toMatch(/^Your card was declined/);
  });

  it('says nothing for a confirmed order', () => {
    expect(explainFailure(order())).toBeNull();
  });
});

describe('stepStates', () => {
  const states = (o: ReturnType<typeof order>) => Object.fromEntries(stepStates(o).map((s) => [s.status, s.state]));

  it('marks the steps a confirmed order went through as done and the rest to do', () => {
    expect(states(order())).toEqual({ pending: 'done', reserved: 'done', paid: 'done', confirmed: 'done', shipped: 'todo', delivered: 'todo' });
  });

  it('marks the step where a declined order stopped as failed', () => {
    const declined = order({ status: 'payment_failed', timeline: [{ status: 'pending', at: 'a', note: null }, { status: 'reserved', at: 'b', note: null }, { status: 'payment_failed', at: 'c', note: null }] });
    expect(states(declined)).toMatchObject({ reserved: 'done', paid: 'failed', confirmed: 'todo' });
  });

  it('marks a saga still running as in progress', () => {
    expect(states(order({ status: 'reserved', timeline: [{ status: 'pending', at: 'a', note: null }, { status: 'reserved', at: 'b', note: null }] })))
      .toMatchObject({ pending: 'done', reserved: 'current', paid: 'todo' });
  });

  it('knows which orders can still change', () => {
    expect([isFinal('confirmed'), isFinal('shipped'), isFinal('delivered'), isFinal('payment_failed')]).toEqual([false, false, true, true]);
  });
});
