// Matching suggestions on a consultation: the requester files a consultation naming a
// competitor, MEDISO staff open it from the queue and see suggested advisors with the reasons
// and the make-up of their scores, switch to VCs, and dismiss one VC, which then disappears.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, messages, startBanso } from './support.mjs';

const PASSWORD = 'banso-demo-2026';
const REQUESTER = { email: 'requester@sakura-medtech.example', name: '佐藤 花子' };
const STAFF = { email: 'staff.mediso@banso.example', name: '田中 健一' };
const SAMD = '医療機器・プログラム医療機器（SaMD）';
const TITLE = '在宅向け睡眠時無呼吸スクリーニングアプリの承認申請と資金調達の相談';
const DESCRIPTION =
  'スマートフォンで睡眠中の呼吸音を解析し、睡眠時無呼吸の疑いを判定するプログラム医療機器を開発しています。\n承認申請の進め方と、シリーズAの資金調達についてご相談したいです。';
const COMPETITORS = ['株式会社ステッチワークス・メディカル', 'Somnus Health Inc.'];
const REASON = '競合企業の関係先のため、紹介を控えます。';

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
}

/** Waits until the panel shows the suggestions of `kind`, and returns them. */
async function suggestionsOf(panel, kind) {
  await panel.locator(`[data-testid="suggestion-results"][data-kind="${kind}"]:not([aria-busy])`).waitFor();
  const items = panel.getByTestId('suggestion');
  await items.first().waitFor();
  const kinds = await items.evaluateAll((nodes) => nodes.map((node) => node.dataset.kind));
  assert.ok(kinds.length > 0 && kinds.length <= 10, `between 1 and 10 suggestions, not ${kinds.length}`);
  assert.deepEqual(new Set(kinds), new Set([kind]), `only ${kind} candidates`);
  return items;
}

test('desk staff see explained suggestions for a consultation, per kind, and dismiss one', async () => {
  // The requester files a consultation on SaMD, so it goes to MEDISO, naming two competitors
  // on separate lines.
  const requester = await openPage();
  let page = requester.page;
  await logIn(page, REQUESTER);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-new-consultation') }).click();
  await page.getByRole('heading', { name: t('web-intake-title') }).waitFor();
  const form = page.getByTestId('intake-form');
  await form.getByRole('textbox', { name: t('web-consultation-title'), exact: true }).fill(TITLE);
  await form.getByRole('textbox', { name: t('web-consultation-description'), exact: true }).fill(DESCRIPTION);
  await form.getByRole('combobox', { name: t('web-consultation-domain'), exact: true }).selectOption({ label: SAMD });
  await form.getByRole('combobox', { name: t('web-consultation-stage'), exact: true }).selectOption({ label: '非臨床試験' });
  await form.getByTestId('intake-topics').getByLabel('薬事（PMDA対応）').check();
  const competitors = form.getByRole('textbox', { name: t('web-intake-competitors'), exact: true });
  await form.getByText(t('web-intake-competitors-hint')).waitFor();
  await competitors.fill(`${COMPETITORS[0]}\n ${COMPETITORS[1]} 、`);
  await form.getByRole('button', { name: t('web-intake-submit') }).click();

  await page.getByRole('heading', { name: TITLE }).waitFor();
  const reference = (await page.getByTestId('consultation-reference').innerText()).trim();
  assert.match(reference, /^MED-\d{4}-\d{4}$/);
  for (const name of COMPETITORS) {
    assert.ok((await page.getByTestId('competitors').innerText()).includes(name), `${name} is shown`);
  }
  assert.equal(await page.getByTestId('suggestions-panel').count(), 0, 'requesters see no suggestions');
  await requester.context.close();

  // MEDISO staff open it from the queue.
  const staff = await openPage();
  page = staff.page;
  await logIn(page, STAFF);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-queue') }).click();
  await page.getByRole('heading', { name: t('web-queue-title') }).waitFor();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  for (const name of COMPETITORS) {
    assert.ok((await page.getByTestId('competitors').innerText()).includes(name), `staff see ${name}`);
  }

  // Advisors come first, each with a link to the profile, a score, reasons and the breakdown.
  const panel = page.getByTestId('suggestions-panel');
  await panel.getByRole('heading', { name: t('web-suggestions-heading') }).waitFor();
  assert.equal(
    await panel.getByRole('button', { name: t('directory-kind-advisor'), exact: true }).getAttribute('aria-pressed'),
    'true',
  );
  let items = await suggestionsOf(panel, 'ADVISOR');
  const first = items.first();
  assert.match(
    (await first.getByRole('link').first().getAttribute('href')) ?? '',
    /^\/directory\/[^/]+$/,
    'the name links to the profile',
  );
  assert.match(
    (await first.getByTestId('suggestion-score').innerText()).trim(),
    new RegExp(`^${t('web-suggestions-score', { score: '\\d{1,3}%' })}$`),
  );
  const reasons = first.getByRole('list', { name: t('web-suggestions-reasons') }).getByRole('listitem');
  assert.ok((await reasons.count()) > 0, 'the first advisor has reasons');
  assert.ok((await reasons.first().innerText()).trim().length > 0);
  const breakdown = first.getByTestId('suggestion-breakdown');
  await breakdown.getByText(t('web-suggestions-breakdown')).click();
  await breakdown.getByRole('columnheader', { name: t('web-suggestions-weight') }).waitFor();
  assert.ok((await breakdown.locator('tbody tr').count()) > 0, 'the breakdown lists the criteria');
  assert.equal(await breakdown.locator('tbody tr[data-feature="LOAD"]').count(), 1, 'advisors’ free capacity counts');

  // VCs: none that has invested in a competitor.
  await panel.getByRole('button', { name: t('directory-kind-vc'), exact: true }).click();
  items = await suggestionsOf(panel, 'VC');
  const names = await items.getByRole('heading').allInnerTexts();
  assert.ok(!names.includes('いちょうメドテック・パートナーズ'), 'the competitor’s investor is not suggested');

  // Dismissing a VC asks for a reason, then the VC is gone.
  const dismissed = items.first();
  const id = await dismissed.getAttribute('data-id');
  const name = (await dismissed.getByRole('heading').innerText()).trim();
  await dismissed.getByRole('button', { name: t('web-suggestions-dismiss-named', { name }) }).click();
  const dialog = page.getByTestId('dismiss-dialog');
  await dialog.getByRole('heading', { name: t('web-suggestions-dismiss-title', { name }) }).waitFor();
  await dialog.getByRole('button', { name: t('web-suggestions-dismiss-submit') }).click();
  await dialog.getByText(t('web-validation-required')).first().waitFor();
  await dialog.getByRole('textbox', { name: t('web-suggestions-dismiss-reason') }).fill(REASON);
  await dialog.getByRole('button', { name: t('web-suggestions-dismiss-submit') }).click();
  await panel.getByTestId('suggestion-notice').getByText(t('web-suggestions-dismissed', { name })).waitFor();
  await panel.locator(`[data-testid="suggestion"][data-id="${id}"]`).waitFor({ state: 'detached' });
  await suggestionsOf(panel, 'VC');

  // It stays gone after a reload.
  await page.reload();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await panel.getByRole('button', { name: t('directory-kind-vc'), exact: true }).click();
  await suggestionsOf(panel, 'VC');
  assert.equal(await panel.locator(`[data-testid="suggestion"][data-id="${id}"]`).count(), 0);

  assert.deepEqual(requester.problems, [], 'no errors in the requester’s page');
  assert.deepEqual(staff.problems, [], 'no errors in the staff page');
  await staff.context.close();
});
