import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('e-mail editorial metadata', () => {
  it("reads a form's place answer as a place code", () => {
    const [item] = parseSuperdeskFile('email/googleform.txt');
    expect(item.places).toEqual([{ code: 'ADV' }]);
  });

  it('gives an attached picture its one rendition, the original file', () => {
    const [item] = parseSuperdeskFile('email/composite_email.txt');
    expect(item.media).toEqual([{ kind: 'picture', mimeType: 'image/jpeg', renditions: [{ name: 'original', mimeType: 'image/jpeg' }] }]);
  });
});
