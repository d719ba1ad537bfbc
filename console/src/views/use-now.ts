import { useEffect, useState } from 'preact/hooks';

/** The browser's clock, ticking every second (for SLA countdowns between refreshes). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
