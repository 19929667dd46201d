import { useEffect } from 'react';

/** Names the page in the tab and for screen readers that announce a new title on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => { document.title = `${title} · K8Shop Books`; }, [title]);
}
