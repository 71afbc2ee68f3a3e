// An introduction (紹介) from proposal to a match: the requester files a consultation; MEDISO
// staff find a supporter organisation among the suggestions, propose introducing it and ask the
// requester's consent; the requester chooses what to share and consents; staff send it; the
// link emailed to the supporter shows, without signing in, only what was shared; a member of the
// supporter organisation opens it from their introductions and accepts; staff record the
// meeting and a match (proof of concept), which the consultation then shows.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, linkInEmail, messages, startBanso } from './support.mjs';

const PASSWORD = 'banso-demo-2026';
const REQUESTER = { email: 'requester@sakura-medtech.example', name: '佐藤 花子' };
const STAFF = { email: 'staff.mediso@banso.example', name: '田中 健一' };
const MEMBER = { email: 'supporter@minato-bank.example', name: '小林 翔太' };
const SUPPORTER = 'みなと銀行 ヘルスケア産業推進室';
const SUPPORTER_EN = 'Minato Bank Healthcare Industry Office';
const ORGANISATION = '株式会社さくらメドテック';
const DOMAIN = '医療DX・AI';
const STAGE = '上市';
const TITLE = 'ヘルスケアスタートアップの融資とビジネスマッチングの相談';
const DESCRIPTION =
  '健康経営に取り組む取引先企業への紹介と、病院との商談会への参加、事業拡大のための融資についてご相談したいです。';
const MESSAGE = '地域の訪問看護事業者との取引が多く、実証先の紹介が期待できるため、ご紹介をご提案します。';
const NOTE = '来週、担当者からご連絡いたします。';

let banso;
let browser;

before(async () => {
  banso = await startBanso();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await banso?.stop();
});

const t = messages('ja');
const en = messages('en');

/** A browser context in Japanese that records page and console errors. */
async function openPage() {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  return { context, page, problems };
}

async function logIn(page, { email, name }) {
  await page.goto(`${banso.base}/login`);
  await page.getByRole('heading', { name: t('web-login-title') }).waitFor();
  await page.getByLabel(t('web-field-email')).fill(email);
  await page.getByLabel(t('web-field-password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('web-login-submit') }).click();
  await page.getByRole('heading', { name: t('web-home-greeting', { name }) }).waitFor();
}

/** The consultation's introduction to the supporter organisation, once its status reads `status`. */
async function introductionIn(page, status, name = SUPPORTER) {
  const item = page
    .getByTestId('introductions-panel')
    .getByTestId('introduction')
    .filter({ has: page.getByRole('heading', { name }) });
  await item.getByTestId('introduction-status').getByText(status, { exact: true }).waitFor();
  return item;
}

/** What the target's screen shows as shared, field by field. */
async function sharedFieldsOn(page) {
  const shared = page.getByTestId('introduction-shared');
  await shared.waitFor();
  return shared.locator('dt').evaluateAll((nodes) => nodes.map((node) => node.dataset.field));
}

test('staff introduce a consultation to a supporter organisation, with consent, up to a match', async () => {
  // The requester files a consultation on medical DX, so it goes to MEDISO, allowing the
  // title, domain, stage and topics to be shown to introduced partners.
  const requester = await openPage();
  let page = requester.page;
  await logIn(page, REQUESTER);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-new-consultation') }).click();
  await page.getByRole('heading', { name: t('web-intake-title') }).waitFor();
  const intake = page.getByTestId('intake-form');
  await intake.getByRole('textbox', { name: t('web-consultation-title'), exact: true }).fill(TITLE);
  await intake.getByRole('textbox', { name: t('web-consultation-description'), exact: true }).fill(DESCRIPTION);
  await intake.getByRole('combobox', { name: t('web-consultation-domain'), exact: true }).selectOption({ label: DOMAIN });
  await intake.getByRole('combobox', { name: t('web-consultation-stage'), exact: true }).selectOption({ label: STAGE });
  await intake.getByTestId('intake-topics').getByLabel('事業開発・提携').check();
  await intake.getByTestId('intake-topics').getByLabel('資金調達・投資').check();
  const allowed = intake.getByRole('group', { name: t('web-consultation-shared-fields') });
  for (const field of ['title', 'domain', 'stage', 'topics']) {
    await allowed.getByLabel(t(`shared-field-${field}`), { exact: true }).check();
  }
  await intake.getByRole('button', { name: t('web-intake-submit') }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  const reference = (await page.getByTestId('consultation-reference').innerText()).trim();
  assert.match(reference, /^MED-\d{4}-\d{4}$/);
  // Nothing is proposed yet, and the requester is told that nothing is shared without consent.
  const requesterPanel = page.getByTestId('introductions-panel');
  await requesterPanel.getByText(t('web-introductions-requester-lead')).waitFor();
  await requesterPanel.getByText(t('web-introductions-empty')).waitFor();

  // MEDISO staff open it from the queue and find the supporter organisation among the suggestions.
  const staff = await openPage();
  const desk = staff.page;
  await logIn(desk, STAFF);
  await desk.getByRole('navigation').getByRole('link', { name: t('web-nav-queue') }).click();
  await desk.getByRole('heading', { name: t('web-queue-title') }).waitFor();
  await desk.getByRole('link', { name: reference }).click();
  await desk.getByRole('heading', { name: TITLE }).waitFor();
  await desk.getByTestId('introductions-panel').getByText(t('web-introductions-empty-desk')).waitFor();
  const suggestions = desk.getByTestId('suggestions-panel');
  // Support programmes are applied to, not introduced.
  await suggestions.getByRole('button', { name: t('directory-kind-programme'), exact: true }).click();
  await suggestions.locator('[data-testid="suggestion-results"][data-kind="PROGRAMME"]:not([aria-busy])').waitFor();
  const programmes = suggestions.getByTestId('suggestion');
  if ((await programmes.count()) > 0) {
    assert.equal(await programmes.getByTestId('propose-introduction').count(), 0, 'programmes are not introduced');
  }
  await suggestions.getByRole('button', { name: t('directory-kind-supporter'), exact: true }).click();
  await suggestions.locator('[data-testid="suggestion-results"][data-kind="SUPPORTER"]:not([aria-busy])').waitFor();
  const candidate = suggestions
    .getByTestId('suggestion')
    .filter({ has: desk.getByRole('heading', { name: SUPPORTER }) });
  await candidate.waitFor();

  // Proposing: individual introduction, a message to the requester, the fields the requester
  // allowed at filing ticked already.
  await candidate.getByRole('button', { name: t('web-introduction-propose-named', { name: SUPPORTER }) }).click();
  const propose = desk.getByTestId('propose-introduction-dialog');
  await propose.getByRole('heading', { name: t('web-introduction-propose-title', { name: SUPPORTER }) }).waitFor();
  assert.ok(await propose.getByLabel(t('introduction-channel-individual')).isChecked(), '個別紹介 by default');
  const proposed = propose.getByTestId('propose-fields');
  for (const field of ['title', 'domain', 'stage', 'topics']) {
    assert.ok(await proposed.getByLabel(t(`shared-field-${field}`), { exact: true }).isChecked(), `${field} ticked`);
  }
  for (const field of ['organisation-name', 'description', 'contact']) {
    assert.ok(!(await proposed.getByLabel(t(`shared-field-${field}`), { exact: true }).isChecked()), `${field} not ticked`);
  }
  await propose.getByRole('textbox', { name: t('web-introduction-propose-message') }).fill(MESSAGE);
  await propose.getByRole('button', { name: t('web-introduction-propose-submit') }).click();
  await suggestions.getByText(t('web-introduction-proposed', { name: SUPPORTER })).waitFor();

  // The introduction is listed as proposed, and staff ask the requester for consent.
  let item = await introductionIn(desk, t('introduction-status-proposed'));
  assert.equal(
    (await item.getByTestId('introduction-channel').innerText()).trim(),
    t('introduction-channel-individual'),
  );
  await item.getByRole('button', { name: t('introduction-step-request-consent') }).click();
  item = await introductionIn(desk, t('introduction-status-consent-requested'));
  await desk.getByTestId('introduction-notice').getByText(t('web-introduction-consent-requested', { name: SUPPORTER })).waitFor();
  assert.equal(await item.getByRole('button', { name: t('introduction-step-send') }).count(), 0, 'not sent before consent');

  // The requester opens the consent screen from the consultation.
  await page.reload();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  const awaiting = await introductionIn(page, t('introduction-status-consent-requested'));
  await awaiting.getByRole('link', { name: t('web-introduction-open-consent') }).click();
  await page.getByRole('heading', { name: t('web-introduction-consent-title') }).waitFor();
  await page.getByTestId('introduction-message').getByText(MESSAGE).waitFor();
  await page.getByText(t('web-introduction-consent-promise', { name: SUPPORTER })).waitFor();
  const choice = page.getByTestId('consent-fields');
  for (const field of ['title', 'domain', 'stage', 'topics']) {
    assert.ok(await choice.getByLabel(t(`shared-field-${field}`), { exact: true }).isChecked(), `${field} proposed`);
  }
  // At least one item must be chosen.
  for (const field of ['title', 'domain', 'stage', 'topics']) {
    await choice.getByLabel(t(`shared-field-${field}`), { exact: true }).uncheck();
  }
  await page.getByRole('button', { name: t('web-introduction-consent-submit') }).click();
  await page.getByTestId('consent-form').getByText(t('web-introduction-fields-required')).first().waitFor();
  // The organisation's name, the title and the stage; not the domain, the topics or the description.
  for (const field of ['organisation-name', 'title', 'stage']) {
    await choice.getByLabel(t(`shared-field-${field}`), { exact: true }).check();
  }
  await page.getByRole('button', { name: t('web-introduction-consent-submit') }).click();
  await page.getByTestId('introduction-consented').getByText(t('web-introduction-consented-notice', { name: SUPPORTER })).waitFor();
  assert.equal(
    (await page.getByTestId('introduction-fields').innerText()).trim(),
    ['organisation-name', 'title', 'stage'].map((field) => t(`shared-field-${field}`)).join(t('web-list-separator')),
  );

  // Staff send it; only now does the supporter organisation hear of it.
  await desk.reload();
  await desk.getByRole('heading', { name: TITLE }).waitFor();
  item = await introductionIn(desk, t('introduction-status-consented'));
  await item.getByRole('button', { name: t('introduction-step-send') }).click();
  const confirm = desk.getByRole('dialog', { name: t('web-introduction-send-title', { name: SUPPORTER }) });
  await confirm.getByText(t('web-introduction-send-confirm', { name: SUPPORTER })).waitFor();
  await confirm.getByRole('button', { name: t('introduction-step-send') }).click();
  item = await introductionIn(desk, t('introduction-status-sent'));

  // The link emailed to the supporter organisation opens without signing in, with only what was shared.
  const link = await linkInEmail(banso.dataDir, MEMBER.email, '/introductions/respond');
  assert.ok(link.startsWith(`${banso.base}/introductions/respond?token=`), link);
  const anonymous = await openPage();
  await anonymous.page.goto(`${banso.base}/introductions/respond?token=not-a-token`);
  await anonymous.page.getByRole('heading', { name: t('web-introduction-link-invalid-title') }).waitFor();
  await anonymous.page.getByText(t('error-token-invalid')).waitFor();
  await anonymous.page.goto(link);
  await anonymous.page.getByRole('heading', { name: t('web-introduction-response-title') }).waitFor();
  assert.deepEqual(await sharedFieldsOn(anonymous.page), ['ORGANISATION_NAME', 'TITLE', 'STAGE']);
  await anonymous.page.getByRole('button', { name: t('introduction-step-accept') }).waitFor();
  assert.equal(anonymous.page.url(), link, 'no redirect to the login page');

  // A member of the supporter organisation opens it from their introductions.
  const member = await openPage();
  const target = member.page;
  await logIn(target, MEMBER);
  await target.getByRole('navigation').getByRole('link', { name: t('web-nav-introductions') }).click();
  await target.getByRole('heading', { name: t('web-my-introductions-title') }).waitFor();
  const row = target.getByTestId('my-introductions').getByRole('row').filter({ hasText: TITLE });
  assert.ok((await row.innerText()).includes(ORGANISATION), 'the organisation’s name was shared');
  await row.getByRole('link', { name: TITLE }).click();
  await target.getByRole('heading', { name: t('web-introduction-response-title') }).waitFor();
  assert.deepEqual(await sharedFieldsOn(target), ['ORGANISATION_NAME', 'TITLE', 'STAGE']);
  const shared = target.getByTestId('introduction-shared');
  assert.equal((await shared.locator('dd[data-field="ORGANISATION_NAME"]').innerText()).trim(), ORGANISATION);
  assert.equal((await shared.locator('dd[data-field="TITLE"]').innerText()).trim(), TITLE);
  assert.equal((await shared.locator('dd[data-field="STAGE"]').innerText()).trim(), STAGE);
  // The domain was proposed but not chosen, so it is not there; nor is anything else of the case.
  const text = await target.getByRole('main').innerText();
  assert.ok(!text.includes(t('shared-field-domain')), 'no domain field');
  assert.ok(!text.includes(DOMAIN), 'the domain is not shown');
  assert.ok(!text.includes(DESCRIPTION), 'the description is not shown');
  assert.ok(!text.includes(MESSAGE), 'the desk’s message to the requester is not shown');
  assert.ok(!text.includes(reference), 'the consultation is not shown');
  await target.getByRole('textbox', { name: t('web-introduction-answer-comment') }).fill(NOTE);
  await target.getByRole('button', { name: t('introduction-step-accept') }).click();
  await target.getByTestId('introduction-answered').getByText(t('web-introduction-response-accepted')).waitFor();
  await target.getByTestId('introduction-status').getByText(t('introduction-status-accepted'), { exact: true }).waitFor();
  assert.equal(await target.getByRole('button', { name: t('introduction-step-accept') }).count(), 0);

  // The emailed link now shows the answer, and no longer offers to answer.
  await anonymous.page.reload();
  await anonymous.page.getByTestId('introduction-status').getByText(t('introduction-status-accepted'), { exact: true }).waitFor();
  assert.equal(await anonymous.page.getByRole('button', { name: t('introduction-step-accept') }).count(), 0);

  // Staff record the meeting (today) and a match: a proof of concept.
  await desk.reload();
  await desk.getByRole('heading', { name: TITLE }).waitFor();
  item = await introductionIn(desk, t('introduction-status-accepted'));
  await item.getByText(NOTE).waitFor();
  await item.getByRole('button', { name: t('introduction-step-record-meeting') }).click();
  const meeting = desk.getByTestId('introduction-meeting-dialog');
  await meeting.getByRole('heading', { name: t('web-introduction-meeting-title', { name: SUPPORTER }) }).waitFor();
  await meeting.getByRole('button', { name: t('introduction-step-record-meeting') }).click();
  item = await introductionIn(desk, t('introduction-status-meeting-held'));
  await item.getByTestId('introduction-meeting').waitFor();

  await item.getByRole('button', { name: t('web-introduction-record-outcome') }).click();
  const outcome = desk.getByTestId('introduction-outcome-dialog');
  await outcome.getByRole('heading', { name: t('web-introduction-outcome-title', { name: SUPPORTER }) }).waitFor();
  await outcome.getByLabel(t('web-introduction-outcome-matched-yes')).check();
  // A match needs its type.
  await outcome.getByRole('button', { name: t('web-introduction-record-outcome') }).click();
  await outcome.getByText(t('web-validation-required')).first().waitFor();
  await outcome
    .getByRole('combobox', { name: t('web-introduction-outcome-type') })
    .selectOption({ label: t('outcome-type-proof-of-concept') });
  await outcome.getByRole('button', { name: t('web-introduction-record-outcome') }).click();
  item = await introductionIn(desk, t('introduction-status-matched'));
  assert.equal((await item.getByTestId('introduction-outcome-type').innerText()).trim(), t('outcome-type-proof-of-concept'));
  assert.equal(await item.getByTestId('introduction-actions').count(), 0, 'nothing left to do');

  // In English, the consultation's introductions say the same.
  await desk.getByTestId('language-en').click();
  await introductionIn(desk, en('introduction-status-matched'), SUPPORTER_EN);

  for (const [who, session] of Object.entries({ requester, staff, anonymous, member })) {
    assert.deepEqual(session.problems, [], `no errors in the ${who}’s page`);
    await session.context.close();
  }
});
