import type { Signal } from '@copydesk/contracts';

// AP editorialtypes: Lead, Writethru, Update and Add revise a story; Correction corrects it; Kill, Withdrawal,
// Elimination and Takedown remove it.
const SIGNAL_BY_TYPE: Readonly<Record<string, Signal>> = {
  lead: 'update',
  writethru: 'update',
  update: 'update',
  add: 'update',
  insert: 'update',
  sub: 'update',
  correction: 'correction',
  corrective: 'correction',
  kill: 'kill',
  withdrawal: 'kill',
  withdraw: 'kill',
  elimination: 'kill',
  takedown: 'kill',
};

/** Signals from AP `editorialtypes` (and the few AP `signals` that mean the same). */
export function editorialTypeSignals(types: readonly string[]): Signal[] {
  return types.flatMap((type) => {
    const signal = SIGNAL_BY_TYPE[type.toLowerCase().replace(/[^a-z]/g, '')];
    return signal ? [signal] : [];
  });
}
