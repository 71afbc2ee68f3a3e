import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUEUE_PARAMS,
  hasFilters,
  queueFilter,
  readQueueParams,
  toggleStatus,
  writeQueueParams,
  type QueueParams,
} from './queueParams';

const read = (query: string) => readQueueParams(new URLSearchParams(query));

describe('readQueueParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(read('')).toEqual(DEFAULT_QUEUE_PARAMS);
  });

  it('reads every parameter', () => {
    expect(
      read(
        'desk=RGVzazoy&status=triaged,received&priority=high&kind=policy_request&domain=d1&stage=s1&topic=t1' +
          '&assignee=VXNlcjo1&overdue=1&overseas=0&lang=en&q=%20MED-2026%20&sort=due_soonest',
      ),
    ).toEqual({
      deskId: 'RGVzazoy',
      statuses: ['RECEIVED', 'TRIAGED'],
      priority: 'HIGH',
      kind: 'POLICY_REQUEST',
      domainId: 'd1',
      stageId: 's1',
      topicId: 't1',
      assigneeId: 'VXNlcjo1',
      unassigned: false,
      overdue: true,
      overseas: false,
      language: 'EN',
      query: 'MED-2026',
      order: 'DUE_SOONEST',
    } satisfies QueueParams);
  });

  it('reads assignee=none as unassigned', () => {
    expect(read('assignee=none')).toMatchObject({ assigneeId: null, unassigned: true });
  });

  it('drops values it does not know', () => {
    expect(
      read(
        'status=received,bogus,RECEIVED&priority=extreme&kind=x&overdue=yes&overseas=2&lang=fr&sort=random',
      ),
    ).toEqual({ ...DEFAULT_QUEUE_PARAMS, statuses: ['RECEIVED'] });
  });

  it('treats blank values as absent', () => {
    expect(read('desk=&domain=%20&q=%20%20&assignee=')).toEqual(DEFAULT_QUEUE_PARAMS);
  });
});

describe('writeQueueParams', () => {
  it('leaves out defaults', () => {
    expect(writeQueueParams(DEFAULT_QUEUE_PARAMS).toString()).toBe('');
  });

  it('writes statuses in workflow order, lower case', () => {
    const search = writeQueueParams({ ...DEFAULT_QUEUE_PARAMS, statuses: ['CLOSED', 'IN_PROGRESS'] });
    expect(search.get('status')).toBe('in_progress,closed');
  });

  it('writes unassigned as assignee=none, whatever the assignee', () => {
    const search = writeQueueParams({ ...DEFAULT_QUEUE_PARAMS, assigneeId: 'u1', unassigned: true });
    expect(search.toString()).toBe('assignee=none');
  });

  it('round-trips through the URL', () => {
    const params: QueueParams = {
      deskId: 'RGVzazoy',
      statuses: ['WAITING_ON_REQUESTER'],
      priority: 'URGENT',
      kind: 'CONSULTATION',
      domainId: 'VGF4b25vbXlUZXJtOjI',
      stageId: null,
      topicId: 'VGF4b25vbXlUZXJtOjE3',
      assigneeId: 'VXNlcjo1',
      unassigned: false,
      overdue: true,
      overseas: true,
      language: 'JA',
      query: '心電 パッチ',
      order: 'PRIORITY_HIGHEST',
    };
    const url = `/queue?${writeQueueParams(params).toString()}`;
    expect(readQueueParams(new URL(url, 'http://localhost').searchParams)).toEqual(params);
  });
});

describe('queueFilter', () => {
  it('is empty for the defaults', () => {
    expect(queueFilter(DEFAULT_QUEUE_PARAMS)).toEqual({});
  });

  it('names only what is set, in the API shape', () => {
    expect(
      queueFilter({
        ...DEFAULT_QUEUE_PARAMS,
        deskId: 'd',
        statuses: ['RECEIVED'],
        priority: 'LOW',
        overseas: false,
        language: 'EN',
        query: '  ai ',
      }),
    ).toEqual({
      deskId: 'd',
      statuses: ['RECEIVED'],
      priorities: ['LOW'],
      overseas: false,
      language: 'EN',
      query: 'ai',
    });
  });

  it('asks for unassigned cases rather than an assignee when both are set', () => {
    expect(queueFilter({ ...DEFAULT_QUEUE_PARAMS, assigneeId: 'u1', unassigned: true })).toEqual({
      unassigned: true,
    });
    expect(queueFilter({ ...DEFAULT_QUEUE_PARAMS, assigneeId: 'u1' })).toEqual({ assigneeId: 'u1' });
  });
});

describe('toggleStatus', () => {
  it('adds in workflow order and removes', () => {
    expect(toggleStatus(['CLOSED'], 'RECEIVED')).toEqual(['RECEIVED', 'CLOSED']);
    expect(toggleStatus(['RECEIVED', 'CLOSED'], 'RECEIVED')).toEqual(['CLOSED']);
  });
});

describe('hasFilters', () => {
  it('ignores the desk and the sort', () => {
    expect(hasFilters({ ...DEFAULT_QUEUE_PARAMS, deskId: 'd', order: 'DUE_SOONEST' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_QUEUE_PARAMS, overdue: true })).toBe(true);
  });
});
