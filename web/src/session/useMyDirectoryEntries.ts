import { useQuery } from 'urql';
import { MY_DIRECTORY_ENTRIES } from '../graphql/operations';
import type { DirectoryKind, Role, Viewer } from '../graphql/types';

/** Lists of directory entries refresh after any change to an entry, even when they were empty. */
export const DIRECTORY_CONTEXT = { additionalTypenames: ['DirectoryEntry'] };

export interface OwnDirectoryEntry {
  id: string;
  kind: DirectoryKind;
  name: string;
}

/** Staff and admins add, edit, show and hide any directory entry. */
export function isDirectoryStaff(viewer: Viewer | null): boolean {
  return viewer?.role === 'STAFF' || viewer?.role === 'ADMIN';
}

/** The kind of entry a role keeps as its own: an advisor's profile, a supporter's or VC's organisation entry. */
export function ownDirectoryKind(role: Role): DirectoryKind | null {
  switch (role) {
    case 'ADVISOR':
      return 'ADVISOR';
    case 'SUPPORTER_MEMBER':
      return 'SUPPORTER';
    case 'VC_MEMBER':
      return 'VC';
    default:
      return null;
  }
}

/**
 * The viewer's own directory entry, for roles that keep one: `undefined` while loading or
 * for other roles, null when they have none yet.
 */
export function useMyDirectoryEntry(viewer: Viewer | null): OwnDirectoryEntry | null | undefined {
  const kind = viewer ? ownDirectoryKind(viewer.role) : null;
  const [{ data }] = useQuery<{ myDirectoryEntries: OwnDirectoryEntry[] }>({
    query: MY_DIRECTORY_ENTRIES,
    context: DIRECTORY_CONTEXT,
    pause: kind === null,
  });
  if (kind === null || !data) return undefined;
  return data.myDirectoryEntries.find((entry) => entry.kind === kind) ?? null;
}
