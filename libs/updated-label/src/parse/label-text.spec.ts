import { labelText, MAX_LABEL_LENGTH } from './label-text';

describe('labelText', () => {
  it('drops "Updated", lower-cases and collapses spaces including no-break spaces', () => {
    expect(labelText('  Updated\u00a0 7 MIN\t35 sec ago ')).toBe('7 min 35 sec ago');
    expect(labelText('UPDATED: 06 September 2024')).toBe('06 september 2024');
    expect(labelText('4 sec ago')).toBe('4 sec ago');
  });

  it('keeps words that merely start with "updated"', () => {
    expect(labelText('Updatedness')).toBe('updatedness');
  });

  it('refuses over-long input without scanning it', () => {
    expect(labelText('x'.repeat(MAX_LABEL_LENGTH + 1))).toBeNull();
  });
});
