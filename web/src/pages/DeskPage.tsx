import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary } from '../components/forms';
import { Loading, Page } from '../components/Page';
import { toProblem } from '../graphql/errors';
import { DESK_PAGE } from '../graphql/operations';
import type { Desk, DeskMember } from '../graphql/types';
import { useT } from '../i18n/LocaleProvider';

interface DeskPageData {
  desk: Desk | null;
  deskMembers: { id: string; members: DeskMember[] } | null;
}

/** A desk's details and its advisors and staff. */
export function DeskPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery<DeskPageData>({ query: DESK_PAGE, variables: { id } });

  if (!data && fetching) {
    return (
      <Page title={t('web-desk-title-loading')}>
        <Loading />
      </Page>
    );
  }

  const desk = data?.desk ?? null;
  if (!desk) {
    return (
      <Page title={t('web-desk-not-found-title')}>
        {error && !data ? <ErrorSummary problem={toProblem(error)} /> : <p>{t('web-desk-not-found-body')}</p>}
      </Page>
    );
  }

  const members = data?.deskMembers?.members ?? null;
  const advisors = members?.filter((m) => m.role === 'ADVISOR') ?? [];
  const staff = members?.filter((m) => m.role !== 'ADVISOR') ?? [];

  return (
    <Page title={desk.name} lead={desk.description ? <p>{desk.description}</p> : null}>
      <section className="panel" aria-labelledby="desk-details">
        <h2 id="desk-details">{t('web-desk-details-heading')}</h2>
        <dl className="details" data-testid="desk-details">
          <dt>{t('web-desk-code')}</dt>
          <dd>{desk.code}</dd>
          <dt>{t('web-desk-reference-prefix')}</dt>
          <dd>{desk.referencePrefix}</dd>
          <dt>{t('web-field-first-response-days')}</dt>
          <dd>{t('web-desk-first-response', { days: desk.firstResponseBusinessDays })}</dd>
          <dt>{t('web-field-contact-email')}</dt>
          <dd>
            <a href={`mailto:${desk.contactEmail}`}>{desk.contactEmail}</a>
          </dd>
          <dt>{t('web-users-col-status')}</dt>
          <dd>{t(desk.active ? 'web-status-active' : 'web-status-inactive')}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="desk-members">
        <h2 id="desk-members">{t('web-desk-members-heading')}</h2>
        {members === null ? (
          <p>{t('web-desk-members-unavailable')}</p>
        ) : members.length === 0 ? (
          <p>{t('web-desk-members-empty')}</p>
        ) : (
          <>
            <MemberTable caption={t('web-desk-members-advisors')} members={advisors} testId="desk-advisors" />
            <MemberTable caption={t('web-desk-members-staff')} members={staff} testId="desk-staff" />
          </>
        )}
      </section>
    </Page>
  );
}

function MemberTable({
  caption,
  members,
  testId,
}: {
  caption: string;
  members: DeskMember[];
  testId: string;
}) {
  const t = useT();
  if (members.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web-users-col-name')}</th>
            <th scope="col">{t('web-field-email')}</th>
            <th scope="col">{t('web-field-role')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <td>{member.displayName}</td>
              <td>
                <a href={`mailto:${member.email}`}>{member.email}</a>
              </td>
              <td>{member.roleLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
