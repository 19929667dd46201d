import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetGuestId } from '../session/guestId';

afterEach(() => {
  cleanup();
  forgetGuestId();
  localStorage.clear();
  sessionStorage.clear();
});
