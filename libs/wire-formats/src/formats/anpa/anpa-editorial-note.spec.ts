import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe("ANPA editor's notes", () => {
  it("takes the EDITOR'S NOTE line over the take's Eds: line, without its label", () => {
    const [item] = parseSuperdeskFile('anpa/anpa-2.tst');
    expect(item.edNote).toBe('This is part of an Associated Press investigation into the hidden costs of green energy.');
  });

  it('takes an Eds: line where there is no other note, its bracket kept', () => {
    const [item] = parseSuperdeskFile('anpa/ap_anpa-4.tst');
    expect(item.edNote).toBe('(Minor edits. A longer version of this story is available. With AP Photos. With BC-AS--China-Lawyer Trial.)');
    expect(item.body.map((block) => block.text).join(' ')).not.toContain('Minor edits');
  });
});
