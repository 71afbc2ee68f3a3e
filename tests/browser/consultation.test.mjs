// A consultation from filing to the first exchange: the requester files it in Japanese, the
// acknowledgement reaches them by email, a MEDISO advisor finds it in the queue, takes it,
// triages it, starts work and writes to the requester, who replies; the advisor sees the reply.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { emailContaining, launchBrowser, messages, startBanso } from './support.mjs';

const PASSWORD = 'banso-demo-2026';
const REQUESTER = { email: 'requester@sakura-medtech.example', name: '佐藤 花子' };
const ADVISOR = { email: 'advisor.mediso@banso.example', name: '山本 直樹' };
const SAMD = '医療機器・プログラム医療機器（SaMD）';
const TITLE = '貼付型心電計の解析プログラムに関する治験計画の相談';
const DESCRIPTION = '不整脈を検出するプログラム医療機器を開発しています。\n国内での承認申請に向けて、治験の要否と症例数の考え方をご相談したいです。';
const QUESTION = '現在の非臨床試験の結果と、想定している使用目的を教えてください。';
const ANSWER = '非臨床試験では既存の解析ソフトと同等の検出率を確認しています。使用目的は発作性心房細動の検出です。';

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
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
}

test('a requester files a consultation, an advisor takes it on and they exchange messages', async () => {
  // The requester files a consultation about a medical device program, so it goes to MEDISO.
  const requester = await openPage();
  let page = requester.page;
  await logIn(page, REQUESTER);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-new-consultation') }).click();
  await page.getByRole('heading', { name: t('web-intake-title') }).waitFor();
  const form = page.getByTestId('intake-form');
  await form.getByRole('textbox', { name: t('web-consultation-title'), exact: true }).fill(TITLE);
  await form.getByRole('textbox', { name: t('web-consultation-description'), exact: true }).fill(DESCRIPTION);
  await form.getByRole('combobox', { name: t('web-consultation-domain'), exact: true }).selectOption({ label: SAMD });
  await form.getByText(t('web-intake-domain-routed', { desk: '医療系ベンチャー・トータルサポートオフィス（MEDISO）' })).waitFor();
  await form.getByRole('combobox', { name: t('web-consultation-stage'), exact: true }).selectOption({ label: '非臨床試験' });
  await form.getByTestId('intake-topics').getByLabel('薬事（PMDA対応）').check();
  assert.equal(
    await form.getByRole('combobox', { name: t('web-consultation-answer-language') }).inputValue(),
    'ja',
    'answers are asked for in the language of the page',
  );
  assert.equal(await form.getByLabel(t('web-intake-overseas')).isChecked(), false, 'a Japanese organisation is not overseas');
  await form.getByRole('button', { name: t('web-intake-submit') }).click();

  await page.getByRole('heading', { name: TITLE }).waitFor();
  const reference = (await page.getByTestId('consultation-reference').innerText()).trim();
  assert.match(reference, /^MED-\d{4}-\d{4}$/);
  assert.equal(
    (await page.getByTestId('filed-notice').innerText()).trim(),
    t('web-consultation-filed-notice', { reference }),
  );
  assert.equal(
    (await page.getByTestId('consultation-status').innerText()).trim(),
    t('consultation-requester-status-received'),
  );

  // The acknowledgement reaches the requester, in Japanese.
  const acknowledgement = await emailContaining(banso.dataDir, REQUESTER.email, reference);
  assert.ok(acknowledgement.includes(`受付番号は${reference}です`), acknowledgement);
  assert.ok(acknowledgement.includes(TITLE), acknowledgement);
  await requester.context.close();

  // The advisor finds it in the MEDISO queue by its reference number.
  const advisor = await openPage();
  page = advisor.page;
  await logIn(page, ADVISOR);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-queue') }).click();
  await page.getByRole('heading', { name: t('web-queue-title') }).waitFor();
  await page.getByTestId('queue-filter').getByRole('searchbox', { name: t('web-queue-search') }).fill(reference);
  await page.getByRole('button', { name: t('web-queue-apply') }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === reference);
  // The previous results stay on screen, marked busy, until the search has answered.
  await page.waitForFunction(
    (wanted) => {
      const rows = [...document.querySelectorAll('[data-testid="queue-table"] tbody tr')];
      const busy = document.querySelector('[data-testid="queue-results"][aria-busy="true"]');
      return !busy && rows.length === 1 && rows[0].dataset.reference === wanted;
    },
    reference,
  );
  const row = page.getByTestId('queue-table').locator('tbody tr');
  assert.ok((await row.innerText()).includes(t('web-consultation-unassigned')), 'nobody has it yet');
  assert.ok((await row.innerText()).includes(t('sla-state-on-track')), 'its first response is not yet due');
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();

  // Takes it, triages it as high priority, and starts work.
  await page.getByRole('button', { name: t('web-assignment-take') }).click();
  await page.getByRole('button', { name: t('web-assignment-give-back') }).waitFor();
  assert.equal((await page.getByTestId('assignee').innerText()).includes(ADVISOR.name), true);

  const triage = page.getByTestId('triage-panel');
  await triage.getByRole('combobox', { name: t('web-consultation-priority') }).selectOption({ label: t('priority-high') });
  await triage.getByRole('button', { name: t('web-triage-save') }).click();
  await triage.getByText(t('web-triage-saved')).waitFor();
  await page.getByTestId('priority').getByText(t('priority-high'), { exact: true }).waitFor();

  const status = page.getByTestId('status-panel');
  await status.getByRole('button', { name: t('consultation-action-triage') }).click();
  await status.getByRole('button', { name: t('consultation-action-start') }).click();
  await status.getByTestId('consultation-status').getByText(t('consultation-status-in-progress'), { exact: true }).waitFor();

  // Writes to the requester.
  const composer = page.getByTestId('composer-message');
  await composer.getByRole('textbox', { name: t('web-composer-message-label') }).fill(QUESTION);
  await composer.getByRole('button', { name: t('web-composer-message-submit') }).click();
  await composer.getByText(t('web-composer-message-done')).waitFor();
  await page.getByTestId('thread').getByText(QUESTION).waitFor();
  const timeline = page.getByTestId('timeline');
  await timeline.getByText(t('consultation-event-priority-changed-summary', { before: t('priority-normal'), after: t('priority-high') })).waitFor();

  // The requester, in a fresh browser, reads the message and replies.
  const again = await openPage();
  page = again.page;
  await logIn(page, REQUESTER);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-my-consultations') }).click();
  await page.getByRole('heading', { name: t('web-my-consultations-title') }).waitFor();
  await page.getByTestId('my-consultations').getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.getByTestId('thread').getByText(QUESTION).waitFor();
  assert.equal(
    (await page.getByTestId('consultation-status').innerText()).trim(),
    t('consultation-requester-status-in-progress'),
  );
  assert.equal(await page.getByTestId('composer-message').count(), 0, 'requesters cannot write as the desk');
  assert.equal(await page.getByTestId('composer-note').count(), 0, 'requesters cannot see internal notes');
  const reply = page.getByTestId('composer-reply');
  await reply.getByRole('textbox', { name: t('web-composer-reply-label') }).fill(ANSWER);
  await reply.getByRole('button', { name: t('web-composer-reply-submit') }).click();
  await reply.getByText(t('web-composer-reply-done')).waitFor();
  await page.getByTestId('thread').getByText(ANSWER).waitFor();

  // The advisor sees the reply on the timeline.
  page = advisor.page;
  await page.reload();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  const reader = page.getByTestId('timeline').locator('li[data-kind="REPLY"]');
  await reader.getByText(ANSWER).waitFor();
  assert.ok((await reader.innerText()).includes(t('consultation-event-reply-summary')));

  assert.deepEqual(requester.problems, [], 'no errors in the requester’s first page');
  assert.deepEqual(advisor.problems, [], 'no errors in the advisor’s page');
  assert.deepEqual(again.problems, [], 'no errors in the requester’s second page');
  await again.context.close();
  await advisor.context.close();
});
