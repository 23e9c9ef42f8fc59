import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Role = 'viewer' | 'operator' | 'admin';

export interface Session {
  username: string;
  role: Role;
  csrfToken: string;
}

export interface ConsoleContext {
  session: Session;
  timeZone: 'utc' | 'local';
}

export const Ctx = createContext<ConsoleContext>({ session: { username: '', role: 'viewer', csrfToken: '' }, timeZone: 'utc' });

export const useConsole = () => useContext(Ctx);

const ORDER: Role[] = ['viewer', 'operator', 'admin'];

/** Whether the logged-in role may do what `needed` may (the API checks it again). */
export function useCan(needed: Role): boolean {
  return ORDER.indexOf(useConsole().session.role) >= ORDER.indexOf(needed);
}
