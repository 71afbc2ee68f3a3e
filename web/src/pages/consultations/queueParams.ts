/**
 * A queue's desk, filters and sort as the URL's search parameters, so that a
 * view can be bookmarked, shared and restored with the browser's back button.
 *
 * `?desk=RGVzazoy&status=received,triaged&priority=high&assignee=none&overdue=1&q=MED-2026&sort=due_soonest`
 *
 * Reading is forgiving (unknown values are dropped); writing leaves out defaults, so
 * the plain queue is `/queue`.
 */

import {
  CONSULTATION_KINDS,
  CONSULTATION_STATUSES,
  PRIORITIES,
  QUEUE_ORDERS,
  type ConsultationFilterInput,
  type ConsultationKind,
  type ConsultationStatus,
  type Priority,
  type QueueOrder,
} from '../../graphql/types';
import type { GraphqlLocale } from '../../i18n/locale';

export interface QueueParams {
  /** One desk, or null for all the viewer's desks. */
  deskId: string | null;
  /** Empty: any status. */
  statuses: ConsultationStatus[];
  priority: Priority | null;
  kind: ConsultationKind | null;
  domainId: string | null;
  stageId: string | null;
  topicId: string | null;
  /** A desk member; ignored when `unassigned`. */
  assigneeId: string | null;
  unassigned: boolean;
  overdue: boolean;
  /** True: based outside Japan; false: in Japan; null: either. */
  overseas: boolean | null;
  /** The language the requester asked to be answered in. */
  language: GraphqlLocale | null;
  /** Part of the reference number, title or description. */
  query: string;
  order: QueueOrder;
}

export const DEFAULT_QUEUE_PARAMS: QueueParams = {
  deskId: null,
  statuses: [],
  priority: null,
  kind: null,
  domainId: null,
  stageId: null,
  topicId: null,
  assigneeId: null,
  unassigned: false,
  overdue: false,
  overseas: null,
  language: null,
  query: '',
  order: 'RECEIVED_NEWEST',
};

/** The `assignee` value meaning "nobody". */
export const UNASSIGNED = 'none';

/** `IN_PROGRESS` ↔ `in_progress`. */
function toParam(value: string): string {
  return value.toLowerCase();
}

function fromParam<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  if (value === null) return null;
  const upper = value.trim().toUpperCase() as T;
  return allowed.includes(upper) ? upper : null;
}

function text(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function readQueueParams(search: URLSearchParams): QueueParams {
  const statuses = (search.get('status') ?? '')
    .split(',')
    .map((s) => fromParam(s, CONSULTATION_STATUSES))
    .filter((s): s is ConsultationStatus => s !== null);
  const assignee = text(search.get('assignee'));
  const overseas = search.get('overseas');
  const language = search.get('lang')?.trim().toLowerCase();
  return {
    deskId: text(search.get('desk')),
    // In workflow order, each once.
    statuses: CONSULTATION_STATUSES.filter((s) => statuses.includes(s)),
    priority: fromParam(search.get('priority'), PRIORITIES),
    kind: fromParam(search.get('kind'), CONSULTATION_KINDS),
    domainId: text(search.get('domain')),
    stageId: text(search.get('stage')),
    topicId: text(search.get('topic')),
    assigneeId: assignee === UNASSIGNED ? null : assignee,
    unassigned: assignee === UNASSIGNED,
    overdue: search.get('overdue') === '1',
    overseas: overseas === '1' ? true : overseas === '0' ? false : null,
    language: language === 'en' ? 'EN' : language === 'ja' ? 'JA' : null,
    query: search.get('q')?.trim() ?? '',
    order: fromParam(search.get('sort'), QUEUE_ORDERS) ?? DEFAULT_QUEUE_PARAMS.order,
  };
}

export function writeQueueParams(params: QueueParams): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string | null) => {
    if (value !== null && value !== '') search.set(key, value);
  };
  set('desk', params.deskId);
  set(
    'status',
    CONSULTATION_STATUSES.filter((s) => params.statuses.includes(s))
      .map(toParam)
      .join(','),
  );
  set('priority', params.priority && toParam(params.priority));
  set('kind', params.kind && toParam(params.kind));
  set('domain', params.domainId);
  set('stage', params.stageId);
  set('topic', params.topicId);
  set('assignee', params.unassigned ? UNASSIGNED : params.assigneeId);
  if (params.overdue) search.set('overdue', '1');
  if (params.overseas !== null) search.set('overseas', params.overseas ? '1' : '0');
  set('lang', params.language && toParam(params.language));
  set('q', params.query.trim());
  if (params.order !== DEFAULT_QUEUE_PARAMS.order) search.set('sort', toParam(params.order));
  return search;
}

/** The API's filter for these parameters. */
export function queueFilter(params: QueueParams): ConsultationFilterInput {
  const filter: ConsultationFilterInput = {};
  if (params.deskId) filter.deskId = params.deskId;
  if (params.statuses.length) filter.statuses = params.statuses;
  if (params.priority) filter.priorities = [params.priority];
  if (params.kind) filter.kind = params.kind;
  if (params.domainId) filter.domainId = params.domainId;
  if (params.stageId) filter.stageId = params.stageId;
  if (params.topicId) filter.topicId = params.topicId;
  if (params.unassigned) filter.unassigned = true;
  else if (params.assigneeId) filter.assigneeId = params.assigneeId;
  if (params.overdue) filter.overdue = true;
  if (params.overseas !== null) filter.overseas = params.overseas;
  if (params.language) filter.language = params.language;
  if (params.query.trim()) filter.query = params.query.trim();
  return filter;
}

/** Adds a status to the selection, or takes it out. */
export function toggleStatus(statuses: readonly ConsultationStatus[], status: ConsultationStatus) {
  return statuses.includes(status)
    ? statuses.filter((s) => s !== status)
    : CONSULTATION_STATUSES.filter((s) => s === status || statuses.includes(s));
}

/** Whether any filter beyond the desk is set. */
export function hasFilters(params: QueueParams): boolean {
  return Object.keys(queueFilter({ ...params, deskId: null })).length > 0;
}
