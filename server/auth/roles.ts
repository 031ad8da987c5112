// Who may do what: readers read, editors also change the evidence, admins also review changes and manage tokens. Pure.

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a request: the token's name and role, or nobody. */
export interface Caller {
  name: string;
  role: Role;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `role` includes everything `need` may do. */
export function allows(role: Role, need: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(need);
}
