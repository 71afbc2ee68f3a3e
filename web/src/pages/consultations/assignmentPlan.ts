import type { AssignmentInput, PlannedAssignment } from '../../graphql/types';

/**
 * The proposed assignments still checked, as `applyAssignments` takes them: every row is
 * checked unless its consultation is in `excluded`, so a new plan starts with all checked.
 */
export function selectedAssignments(
  assignments: readonly PlannedAssignment[],
  excluded: ReadonlySet<string>,
): AssignmentInput[] {
  return assignments
    .filter((a) => !excluded.has(a.consultation.id))
    .map((a) => ({ consultationId: a.consultation.id, version: a.version, advisorId: a.advisorId }));
}
