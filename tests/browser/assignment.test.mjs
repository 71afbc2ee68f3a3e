// Planning a desk's assignments: MEDISO staff open the plan from the queue, see how good it is,
// the proposed advisors and the cases left unassigned, leave one case out and assign the rest.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, messages, startBanso } from './support.mjs';

const PASSWORD = 'banso-demo-2026';
const STAFF = { email: 'staff.mediso@banso.example', name: '田中 健一' };

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

/** Waits until the plan has loaded and returns its proposed rows. */
async function loadedPlan(page) {
  const plan = page.locator('[data-testid="assignment-plan"]:not([aria-busy])');
  await plan.locator('[data-testid="assign-figures"], [data-testid="assign-empty"]').first().waitFor();
  return plan;
}

async function referencesOf(rows) {
  return (await rows.getByRole('link').evaluateAll((links) => links.map((a) => a.textContent.trim()))).filter(
    (text) => /^MED-\d{4}-\d{4}$/.test(text),
  );
}

test('desk staff plan the assignments of their desk, leave one case out and assign the rest', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

  await page.goto(`${banso.base}/login`);
  await page.getByRole('heading', { name: t('web-login-title') }).waitFor();
  await page.getByLabel(t('web-field-email')).fill(STAFF.email);
  await page.getByLabel(t('web-field-password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('web-login-submit') }).click();
  await page.getByRole('heading', { name: t('web-home-greeting', { name: STAFF.name }) }).waitFor();

  // From the MEDISO queue to the plan.
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-queue') }).click();
  await page.getByRole('heading', { name: t('web-queue-title') }).waitFor();
  await page.getByRole('link', { name: t('web-queue-plan-assignments') }).click();
  await page.waitForURL(/\/desks\/[^/]+\/assign$/);
  await page.getByRole('heading', { level: 1 }).getByText(t('web-assign-plan-title')).waitFor();

  const plan = await loadedPlan(page);
  if ((await plan.getByTestId('assign-empty').count()) > 0) {
    // Nothing to plan in the demo data: the empty state says so.
    await plan.getByText(t('web-assign-plan-empty')).waitFor();
    assert.deepEqual(problems, [], 'no errors in the page');
    await context.close();
    return;
  }

  // How good the plan is, as percentages, with what fit share means.
  const figures = plan.getByTestId('assign-figures');
  assert.match((await figures.getByTestId('assign-fit-share').innerText()).trim(), /^\d{1,3}%/);
  assert.match((await figures.getByTestId('assign-load-spread').innerText()).trim(), /^\d{1,3}%/);
  assert.match((await figures.getByTestId('assign-violations').innerText()).trim(), /^0/);
  await figures.getByText(t('web-assign-plan-fit-share-hint')).waitFor();

  // The proposed assignments: the case links to the consultation, the advisor to the profile.
  const rows = plan.getByTestId('assign-row');
  const count = await rows.count();
  assert.ok(count > 0, 'the plan proposes at least one assignment');
  const first = rows.first();
  assert.match((await first.getByRole('link').nth(0).getAttribute('href')) ?? '', /^\/consultations\/[^/]+$/);
  assert.match((await first.getByRole('link').nth(1).getAttribute('href')) ?? '', /^\/directory\/[^/]+$/);
  assert.match((await first.locator('td.numeric').innerText()).trim(), /^\d{1,3}%$/);
  const checkboxes = rows.getByRole('checkbox');
  for (let i = 0; i < count; i += 1) assert.ok(await checkboxes.nth(i).isChecked(), 'every row starts checked');
  await plan.getByText(t('web-assign-plan-unassigned-heading')).waitFor();

  // Leave the last case out when there is more than one.
  const references = await referencesOf(rows);
  let left = null;
  if (count > 1) {
    await checkboxes.nth(count - 1).uncheck();
    left = references[count - 1];
    await plan
      .getByTestId('assign-selected-count')
      .getByText(t('web-assign-plan-selected-count', { shown: count - 1, count }))
      .waitFor();
  }
  const assigned = left ? references.slice(0, -1) : references;

  await plan.getByRole('button', { name: t('web-assign-plan-apply') }).click();
  await page
    .getByTestId('assign-notice')
    .getByText(t('web-assign-plan-applied', { count: assigned.length }))
    .waitFor();

  // The new plan no longer has the assigned cases; the one left out is still open.
  await page.waitForFunction(
    (gone) => {
      const plan = document.querySelector('[data-testid="assignment-plan"]');
      if (!plan || plan.getAttribute('aria-busy')) return false;
      const text = plan.textContent ?? '';
      return gone.every((reference) => !text.includes(reference));
    },
    assigned,
  );
  if (left) {
    const text = await page.getByTestId('assignment-plan').innerText();
    assert.ok(text.includes(left), `${left}, left out, is still in the plan`);
  }

  assert.deepEqual(problems, [], 'no errors in the page');
  await context.close();
});
