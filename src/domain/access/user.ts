// A person's account as the rest of the system reads it (never the password hash).
import type { Role } from './roles.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  region: string | null;
  laId: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: Date;
}
