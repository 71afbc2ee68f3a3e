import { describe, expect, it } from 'vitest';
import type { PlannedAssignment } from '../../graphql/types';
import { selectedAssignments } from './assignmentPlan';

function planned(id: string, version: number, advisorId: string): PlannedAssignment {
  return {
    consultation: { id, reference: `MED-2026-${id}`, title: `Case ${id}` },
    version,
    advisorId,
    advisor: { id: `entry-${advisorId}`, name: `Advisor ${advisorId}` },
    fit: 0.5,
  };
}

const PLAN = [planned('1', 3, 'a'), planned('2', 1, 'b'), planned('3', 7, 'a')];

describe('selectedAssignments', () => {
  it('takes every proposed assignment when none is left out', () => {
    expect(selectedAssignments(PLAN, new Set())).toEqual([
      { consultationId: '1', version: 3, advisorId: 'a' },
      { consultationId: '2', version: 1, advisorId: 'b' },
      { consultationId: '3', version: 7, advisorId: 'a' },
    ]);
  });

  it('leaves out the unchecked cases and keeps the order of the plan', () => {
    expect(selectedAssignments(PLAN, new Set(['2']))).toEqual([
      { consultationId: '1', version: 3, advisorId: 'a' },
      { consultationId: '3', version: 7, advisorId: 'a' },
    ]);
  });

  it('ignores left-out cases the plan no longer has and can select nothing', () => {
    expect(selectedAssignments(PLAN, new Set(['9']))).toHaveLength(3);
    expect(selectedAssignments(PLAN, new Set(['1', '2', '3']))).toEqual([]);
    expect(selectedAssignments([], new Set())).toEqual([]);
  });
});
