import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('RSS and WordPress editorial metadata', () => {
  it("reads a WordPress post's tags as keywords (its categories stay subjects) and its creator as author", () => {
    const [post] = parseSuperdeskFile('rss/wordpress_wxr.xml');
    expect(post.keywords).toEqual(['companies']);
    expect(post.authors).toEqual([{ name: 'admin' }]);
    expect(post.subjects.map((subject) => subject.name)).toContain('Business');
  });

  it("gives a post's thumbnail the attachment's title as alt text where no alt text is set", () => {
    const [post] = parseSuperdeskFile('rss/wordpress_wxr_thumb.xml');
    expect(post.media[0]).toMatchObject({ href: 'https://toto.invalid/attachment.jpg', altText: 'test' });
  });
});
