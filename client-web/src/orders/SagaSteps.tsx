import type { Order } from '../api/client';
import { stepStates } from './orderStatus';

/** The order's progress through checkout and delivery, as an ordered list a screen reader can walk. */
export function SagaSteps({ order }: { order: Pick<Order, 'status' | 'timeline'> }) {
  return (
    <ol className="saga-steps" aria-label="Order progress">
      {stepStates(order).map((step) => (
        <li key={step.status} className={`step step-${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="step-mark" aria-hidden="true">{step.state === 'done' ? '✓' : step.state === 'failed' ? '✕' : '•'}</span>
          {step.label}
          <span className="visually-hidden">{step.state === 'done' ? ' (done)' : step.state === 'failed' ? ' (failed)' : step.state === 'current' ? ' (in progress)' : ''}</span>
        </li>
      ))}
    </ol>
  );
}
