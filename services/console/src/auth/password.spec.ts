import { generatePassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const password = generatePassword();
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(password);
    await expect(verifyPassword(password, stored)).resolves.toBe(true);
    await expect(verifyPassword(`${password}x`, stored)).resolves.toBe(false);
    await expect(verifyPassword(password, 'plain')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});
