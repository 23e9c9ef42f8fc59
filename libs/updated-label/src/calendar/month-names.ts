export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = (() => {
  const byName = new Map<string, number>();
  MONTH_NAMES.forEach((name, index) => {
    byName.set(name.toLowerCase(), index + 1);
    byName.set(name.slice(0, 3).toLowerCase(), index + 1);
  });
  byName.set('sept', 9);
  return byName;
})();

/** 1..12 for a full or abbreviated English month name ("September", "Sep", "Sept"), any case; undefined otherwise. */
export function monthFromName(name: string): number | undefined {
  return MONTH_BY_NAME.get(name.toLowerCase());
}
