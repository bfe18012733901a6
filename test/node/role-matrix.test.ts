import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/shared/model';
import { allows, mayActOn, mayChangeRole, PERMISSIONS, roleMatrixMarkdown } from '../../src/shared/permissions';

import README from '../../README.md?raw';

describe('the role matrix', () => {
  it('in the README is the one the server enforces (run npm run docs:roles after changing permissions.ts)', () => {
    const start = README.indexOf('<!-- role-matrix:start');
    const end = README.indexOf('<!-- role-matrix:end -->');
    expect(start).toBeGreaterThan(-1);
    const printed = README.slice(README.indexOf('\n', start) + 1, end).trim();
    expect(printed).toBe(roleMatrixMarkdown());
  });

  it('has a row per permission with a tick exactly where the role may act', () => {
    const rows = roleMatrixMarkdown().split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(PERMISSIONS).length);
    for (const [i, action] of (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).entries()) {
      const cells = rows[i].split('|').slice(2, 2 + ROLES.length).map((c) => c.trim());
      expect(cells).toEqual(ROLES.map((role) => (allows(role, action) ? '✓' : '—')));
    }
  });
});

describe('acting on other members', () => {
  it('needs a higher role for actions that say so, and nobody acts on the owner', () => {
    expect(mayActOn('moderator', 'timeoutMember', 'member')).toBe(true);
    expect(mayActOn('moderator', 'timeoutMember', 'moderator')).toBe(false);
    expect(mayActOn('admin', 'banMember', 'moderator')).toBe(true);
    expect(mayActOn('moderator', 'banMember', 'member')).toBe(false);
    for (const role of ROLES) expect(mayActOn(role, 'removeMember', 'owner')).toBe(false);
  });

  it('lets roles be given up to the giver’s own, never owner, and never to an equal', () => {
    expect(mayChangeRole('admin', 'member', 'admin')).toBe(true);
    expect(mayChangeRole('admin', 'admin', 'member')).toBe(false);
    expect(mayChangeRole('owner', 'admin', 'member')).toBe(true);
    expect(mayChangeRole('owner', 'member', 'owner')).toBe(false);
    expect(mayChangeRole('moderator', 'member', 'moderator')).toBe(false);
  });
});
