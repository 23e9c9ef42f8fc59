import { readCookie, sessionCookie } from './session-cookie';

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, and is read back from a Cookie header', () => {
    const cookie = sessionCookie('abc', 60, false);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(sessionCookie('abc', 60, true)).toContain('; Secure');
    expect(readCookie('a=1; copydesk_session=abc; b=2', 'copydesk_session')).toBe('abc');
    expect(readCookie(undefined, 'copydesk_session')).toBeUndefined();
  });
});
