import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './paths';

describe('safeNextPath', () => {
  it('keeps paths of this site, with query and hash', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/admin/users?role=ADVISOR#top')).toBe('/admin/users?role=ADVISOR#top');
  });

  it.each([
    null,
    '',
    'account',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/login',
    '/signup?x=1',
    '/a\nb',
  ])('sends %j home', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('remembers where to return', () => {
    expect(loginPathFor('/desks/d1?tab=members')).toBe('/login?next=%2Fdesks%2Fd1%3Ftab%3Dmembers');
    expect(loginPathFor('/')).toBe('/login');
  });
});
