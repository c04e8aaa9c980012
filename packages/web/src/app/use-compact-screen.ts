import { useSyncExternalStore } from 'react';

// antd's `md` breakpoint: below it the side nav becomes a drawer, as it did with antd's Grid.
const PHONE = '(max-width: 767.98px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the screen is phone-sized (narrower than 768 px), following resizes. */
export function useCompactScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches);
}
