import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { generatePassword, hashPassword, verifyPassword } from './password';
import { Operator, Role } from './role';
import { UsersRepository } from './users.repository';

const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;
/** Hashed when no such user exists, so a wrong name costs as long as a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Operators: who they are, their passwords, their sessions. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** Adds a user; without a password, one is generated. Answers the password (shown once). */
  async add(username: string, role: Role, password?: string): Promise<{ username: string; role: Role; password: string }> {
    if (!USERNAME.test(username)) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'a username is 1–64 letters, digits or . _ @ -');
    const chosen = password ?? generatePassword();
    if (chosen.length < 8) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'a password has at least 8 characters');
    const created = await this.users.insert(randomUUID(), username, role, await hashPassword(chosen));
    if (!created) throw new ConsoleError(ConsoleErrorCode.UserExists, `a user named ${username} exists`);
    return { username, role, password: chosen };
  }

  async update(
    username: string,
    change: { role?: Role; disabled?: boolean; resetPassword?: boolean },
  ): Promise<{ username: string; role: Role; password?: string }> {
    const password = change.resetPassword ? generatePassword() : undefined;
    const user = await this.users.update(username, {
      role: change.role,
      disabled: change.disabled,
      passwordHash: password ? await hashPassword(password) : undefined,
    });
    if (!user) throw new ConsoleError(ConsoleErrorCode.UserNotFound, `no user named ${username}`);
    return { username: user.username, role: user.role, ...(password ? { password } : {}) };
  }

  list() {
    return this.users
      .list()
      .then((all) =>
        all.map((u) => ({ username: u.username, role: u.role, createdAt: u.createdAt.toISOString(), disabledAt: u.disabledAt?.toISOString() ?? null })),
      );
  }

  /** A new session for the right name and password: its token (for the cookie) and the operator. */
  async login(username: string, password: string, hours: number): Promise<{ token: string; operator: Operator }> {
    const user = await this.users.findByName(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabledAt) throw new ConsoleError(ConsoleErrorCode.InvalidCredentials, 'wrong username or password');
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.users.createSession(sessionTokenHash(token), user.id, csrfToken, new Date(Date.now() + hours * 3600_000));
    return { token, operator: { id: user.id, username: user.username, role: user.role, csrfToken } };
  }

  async session(token: string): Promise<Operator | null> {
    const found = await this.users.findSession(sessionTokenHash(token));
    return found ? { id: found.user.id, username: found.user.username, role: found.user.role, csrfToken: found.csrfToken } : null;
  }

  logout(token: string): Promise<void> {
    return this.users.deleteSession(sessionTokenHash(token));
  }
}
