import { useEffect, useState } from 'react';
import { discovery, type Suggestion } from '../api/discovery';

export const suggestDelayMs = 150;
const suggestLimit = 8;
/** The longest text the gateway suggests for (ShopLimits.Search.MaxSuggestLength); past it the box just searches. */
export const suggestMaxLength = 100;
const none: Suggestion[] = [];

/**
 * Suggestions for what the shopper is typing: asked once they pause (debounced), the previous request cancelled, and
 * an answer for anything but the latest text ignored, so a slow old answer never replaces a newer one.
 */
export function useSuggestions(text: string, enabled: boolean): Suggestion[] {
  const [answer, setAnswer] = useState<{ for: string; suggestions: Suggestion[] }>({ for: '', suggestions: [] });
  const q = text.trim();

  useEffect(() => {
    if (!enabled || q === '' || q.length > suggestMaxLength) return;
    const abort = new AbortController();
    let current = true;
    const timer = setTimeout(() => {
      discovery.suggest(q, suggestLimit, abort.signal).then(
        (result) => { if (current) setAnswer({ for: q, suggestions: result.suggestions }); },
        // Suggestions are a help: when they fail, the box simply offers none.
        () => { if (current) setAnswer({ for: q, suggestions: [] }); },
      );
    }, suggestDelayMs);
    return () => { current = false; clearTimeout(timer); abort.abort(); };
  }, [q, enabled]);

  // While the next answer is on its way the last one stays up (it was for the text typed so far), so the list does not flicker.
  return enabled && q !== '' && q.length <= suggestMaxLength && answer.for !== '' ? answer.suggestions : none;
}
