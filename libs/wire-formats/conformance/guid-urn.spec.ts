import { superdeskUrn } from './manifest-field-map';

describe('superdeskUrn', () => {
  it("renders an http uri as Superdesk's URN of host and path segments", () => {
    expect(superdeskUrn('http://ninjs.example.com/newsitems/20130709simp123')).toBe('urn:ninjs.example.com:newsitems:20130709simp123');
    expect(superdeskUrn('https://example.com/a/b/')).toBe('urn:example.com:a:b');
  });

  it('leaves ids that are not http uris alone', () => {
    expect(superdeskUrn('urn:newsml:example.com:1')).toBeUndefined();
    expect(superdeskUrn('http://example.com/a?b=1')).toBeUndefined();
    expect(superdeskUrn(undefined)).toBeUndefined();
  });
});
