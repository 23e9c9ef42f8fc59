import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api';

/** GETs `path` (again every `refreshMs` when given); answers the data, the error, and a reload. */
export function useApi<T>(path: string | null, refreshMs?: number): { data: T | undefined; error: string; reload: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    if (!path) return;
    api<T>(path).then(
      (d) => {
        setData(d);
        setError('');
      },
      (e) => setError(errorText(e)),
    );
  }, [path]);
  useEffect(() => {
    load();
    if (!refreshMs) return;
    const t = setInterval(load, refreshMs);
    return () => clearInterval(t);
  }, [load, refreshMs]);
  return { data, error, reload: load };
}
