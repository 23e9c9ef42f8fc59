import { parsePhotoCaption } from './photo-caption';

describe('parsePhotoCaption', () => {
  it('splits the credit in trailing brackets', () => {
    expect(parsePhotoCaption('South Korean President Yoon Suk Yeol, right, in Seoul on May 27, 2024. (Reuters)')).toEqual({
      kind: 'picture',
      caption: 'South Korean President Yoon Suk Yeol, right, in Seoul on May 27, 2024.',
      credit: 'Reuters',
    });
    expect(parsePhotoCaption('Rebels in Goma (AFP/File)')).toEqual({ kind: 'picture', caption: 'Rebels in Goma', credit: 'AFP/File' });
    expect(parsePhotoCaption('(Reuters)')).toEqual({ kind: 'picture', credit: 'Reuters' });
  });

  it('keeps a long line without credit as a caption', () => {
    expect(parsePhotoCaption('Rescuers search the rubble in Gaza City.')).toEqual({
      kind: 'picture',
      caption: 'Rescuers search the rubble in Gaza City.',
    });
  });

  it('drops short unknown lines and empty or over-long brackets', () => {
    expect(parsePhotoCaption('3 min read')).toBeNull();
    expect(parsePhotoCaption('()')).toBeNull();
    expect(parsePhotoCaption(`A caption of some length (${'x'.repeat(80)})`)).toEqual({
      kind: 'picture',
      caption: `A caption of some length (${'x'.repeat(80)})`,
    });
  });
});
