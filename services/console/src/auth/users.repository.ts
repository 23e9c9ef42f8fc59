import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from './role';

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
  disabledAt: Date | null;
}

function toUser(r: Record<string, unknown>): UserRecord {
  return {
    id: r.id as string,
    username: r.username as string,
    role: r.role as Role,
    passwordHash: r.password_hash as string,
    createdAt: r.created_at as Date,
    disabledAt: (r.disabled_at as Date | null) ?? null,
  };
}

/** `console.users` and `console.sessions`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the username is taken. */
  async insert(id: string, username: string, role: Role, passwordHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO console.users (id, username, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [id, username, role, passwordHash],
    );
    return rows.length > 0;
  }

  async findByName(username: string): Promise<UserRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT * FROM console.users WHERE username = $1`, [username]);
    return rows.length > 0 ? toUser(rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT * FROM console.users ORDER BY username`);
    return rows.map(toUser);
  }

  async update(username: string, change: { role?: Role; passwordHash?: string; disabled?: boolean }): Promise<UserRecord | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE console.users SET role = COALESCE($2, role), password_hash = COALESCE($3, password_hash),
         disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at WHEN $4 THEN COALESCE(disabled_at, now()) ELSE NULL END
       WHERE username = $1 RETURNING *`,
      [username, change.role ?? null, change.passwordHash ?? null, change.disabled ?? null],
    )) as [Record<string, unknown>[], number];
    if (change.disabled || change.passwordHash)
      await this.dataSource.query(`DELETE FROM console.sessions s USING console.users u WHERE s.user_id = u.id AND u.username = $1`, [username]);
    return rows.length > 0 ? toUser(rows[0]) : null;
  }

  async createSession(tokenHash: string, userId: string, csrfToken: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM console.sessions WHERE expires_at < now()`);
    await this.dataSource.query(`INSERT INTO console.sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`, [
      tokenHash,
      userId,
      csrfToken,
      expiresAt,
    ]);
  }

  async findSession(tokenHash: string): Promise<{ user: UserRecord; csrfToken: string } | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT u.*, s.csrf_token FROM console.sessions s JOIN console.users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    return rows.length > 0 ? { user: toUser(rows[0]), csrfToken: rows[0].csrf_token as string } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM console.sessions WHERE token_hash = $1`, [tokenHash]);
  }
}
