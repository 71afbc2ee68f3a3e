// The directory of advisors, supporter organisations, VCs and support programmes: MEDISO staff
// search it in Japanese and, after switching the page to English, in English, filter it down
// to certified VCs and open a profile; a MEDISO advisor changes the capacity on their own profile.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, messages, repository, startBanso } from './support.mjs';

const PASSWORD = 'banso-demo-2026';
const STAFF = { email: 'staff.mediso@banso.example', name: '田中 健一' };
const ADVISOR = { email: 'advisor.mediso@banso.example', name: '山本 直樹' };

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

const ja = messages('ja');
const en = messages('en');

/** The certified VCs the demo directory shows: those of seed/directory.toml not hidden. */
function certifiedVcsInSeed() {
  const seed = readFileSync(join(repository, 'seed', 'directory.toml'), 'utf8');
  return seed
    .split(/^\[\[/m)
    .filter((block) => block.startsWith('vcs]]'))
    .filter((block) => /^certified = true$/m.test(block) && !/^active = false$/m.test(block)).length;
}

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
  await page.getByRole('heading', { name: ja('web-login-title') }).waitFor();
  await page.getByLabel(ja('web-field-email')).fill(email);
  await page.getByLabel(ja('web-field-password')).fill(PASSWORD);
  await page.getByRole('button', { name: ja('web-login-submit') }).click();
  await page.getByRole('heading', { name: ja('web-home-greeting', { name }) }).waitFor();
}

/** Waits until the results have answered the search in the address. */
async function resultsSettled(page) {
  await page.waitForFunction(() => {
    const results = document.querySelector('[data-testid="directory-results"]');
    return results && !results.hasAttribute('aria-busy') && results.querySelector('[data-testid="directory-total"]');
  });
}

/** The text of every <mark> among the results. */
function marks(page) {
  return page.getByTestId('directory-hits').locator('mark').allInnerTexts();
}

/**
 * Ticks or unticks a filter, which the address then keeps. (The box follows the address, which
 * may take a moment on a long page, so it is clicked rather than checked.)
 */
async function toggle(page, checkbox, isApplied) {
  const wanted = !(await checkbox.isChecked());
  await checkbox.click();
  await page.waitForURL(isApplied);
  await page.waitForFunction(([box, checked]) => box.checked === checked, [await checkbox.elementHandle(), wanted]);
  await resultsSettled(page);
}

/** Back to the whole directory, where nothing is marked. */
async function clear(page, t) {
  await page.getByTestId('directory-search').getByRole('button', { name: t('web-directory-clear') }).click();
  await page.waitForURL((url) => url.pathname === '/directory' && url.search === '');
  await page.waitForFunction(() => !document.querySelector('[data-testid="directory-hits"] mark'));
}

async function search(page, t, text) {
  await page.getByTestId('directory-search').getByRole('searchbox', { name: t('web-directory-search') }).fill(text);
  await page.getByTestId('directory-search').getByRole('button', { name: t('web-directory-search-submit'), exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/directory' && url.searchParams.get('q') === text);
  await resultsSettled(page);
}

test('staff search the directory in both languages, filter it and open a profile', async () => {
  const { context, page, problems } = await openPage();
  await logIn(page, STAFF);
  await page.getByRole('navigation').getByRole('link', { name: ja('web-nav-directory') }).click();
  await page.getByRole('heading', { name: ja('web-directory-title'), level: 1 }).waitFor();

  // In Japanese: the matched word is marked, as an element and not as text.
  await search(page, ja, '薬事');
  await page.getByTestId('directory-hits').locator('mark', { hasText: '薬事' }).first().waitFor();
  assert.ok((await marks(page)).includes('薬事'), 'the matches are marked');
  assert.equal(await page.getByTestId('directory-hits').getByText('<mark>').count(), 0, 'no markup shows as text');
  const total = (await page.getByTestId('directory-total').innerText()).trim();
  assert.match(total, /^\d+件$/);
  assert.ok(Number.parseInt(total, 10) > 0);
  const firm = page.getByRole('link', { name: '株式会社しるべ薬事コンサルティング' });
  await firm.waitFor();
  assert.deepEqual(await firm.locator('mark').allInnerTexts(), ['薬事'], 'the name is marked where it matched');

  // Staff may see how each hit was ranked.
  const explain = page.getByTestId('filter-staff').getByLabel(ja('web-directory-explain'));
  await toggle(page, explain, (url) => url.searchParams.get('explain') === '1');
  const explanation = page.getByTestId('hit-explanation').first();
  await explanation.waitFor();
  assert.match(await explanation.locator('summary').innerText(), /^スコア [\d.,]+$/);
  await explanation.locator('summary').click();
  assert.match(await explanation.locator('pre').innerText(), /"value"/, 'the explanation is shown as JSON');
  await toggle(page, explain, (url) => !url.searchParams.has('explain'));
  await page.getByTestId('hit-explanation').first().waitFor({ state: 'detached' });

  // In English: the page follows the switch, and English words find the same people.
  await page.getByTestId('language-en').click();
  await page.getByRole('heading', { name: en('web-directory-title'), level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await clear(page, en);
  await search(page, en, 'regulatory affairs');
  await page.getByTestId('directory-hits').locator('mark', { hasText: /^regulatory$/i }).first().waitFor();
  assert.match((await page.getByTestId('directory-total').innerText()).trim(), /^\d+ results?$/);
  await page.getByRole('link', { name: 'Daniel Hughes' }).waitFor();
  const marked = (await marks(page)).map((word) => word.toLowerCase());
  assert.ok(marked.includes('affairs'), `the English matches are marked: ${marked.join(', ')}`);

  // Certified VCs only.
  await clear(page, en);
  await page.getByTestId('kind-chips').locator('[data-kind="VC"]').click();
  await page.waitForURL((url) => url.searchParams.get('kind') === 'vc');
  await resultsSettled(page);
  await toggle(
    page,
    page.getByTestId('filter-conditions').getByRole('checkbox', { name: /Certified VCs/ }),
    (url) => url.searchParams.get('kind') === 'vc' && url.searchParams.get('certified') === '1',
  );
  const certified = certifiedVcsInSeed();
  await page.getByTestId('directory-total').getByText(`${certified} results`, { exact: true }).waitFor();
  const hits = page.getByTestId('directory-hit');
  assert.equal(await hits.count(), certified);
  for (const hit of await hits.all()) {
    assert.equal(await hit.getAttribute('data-kind'), 'VC');
    await hit.getByText(en('web-directory-certified'), { exact: true }).waitFor();
  }

  // The profile, in English.
  await page.getByRole('link', { name: 'Aozora Bio Ventures' }).click();
  await page.getByRole('heading', { name: 'Aozora Bio Ventures', level: 1 }).waitFor();
  await page.getByTestId('entry-badges').getByText(en('web-directory-certified'), { exact: true }).waitFor();
  assert.ok((await page.getByTestId('entry-portfolio').innerText()).includes('株式会社ツムギセル'));
  assert.match(await page.getByTestId('entry-ticket').innerText(), /¥100,000,000/);
  const website = page.getByRole('link', { name: /^https:\/\/aozora-bio\.example/ });
  assert.equal(await website.getAttribute('rel'), 'noopener noreferrer');
  await page.getByRole('link', { name: en('web-action-edit'), exact: true }).waitFor();

  assert.deepEqual(problems, [], 'no errors in the staff member’s page');
  await context.close();
});

test('an advisor changes the capacity on their own profile', async () => {
  const { context, page, problems } = await openPage();
  await logIn(page, ADVISOR);
  await page.getByRole('navigation').getByRole('link', { name: ja('web-nav-my-directory-profile') }).click();
  await page.getByRole('heading', { name: ja('web-directory-edit-title', { name: ADVISOR.name }) }).waitFor();
  const form = page.getByTestId('directory-entry-form');
  const capacity = form.getByRole('textbox', { name: ja('web-directory-capacity') });
  assert.equal(await capacity.inputValue(), '6');
  assert.equal(await page.getByTestId('activation-panel').count(), 0, 'advisors do not hide their own profile');
  await capacity.fill('４');
  await form.getByRole('button', { name: ja('web-action-save') }).click();

  await page.getByRole('heading', { name: ADVISOR.name, level: 1 }).waitFor();
  assert.equal((await page.getByTestId('entry-notice').innerText()).trim(), ja('web-directory-saved'));
  assert.equal((await page.getByTestId('entry-capacity').innerText()).trim(), ja('web-directory-capacity-value', { count: 4 }));

  // A second look at the form starts from the saved value.
  await page.getByRole('link', { name: ja('web-action-edit'), exact: true }).click();
  await page.getByRole('heading', { name: ja('web-directory-edit-title', { name: ADVISOR.name }) }).waitFor();
  assert.equal(await form.getByRole('textbox', { name: ja('web-directory-capacity') }).inputValue(), '4');

  assert.deepEqual(problems, [], 'no errors in the advisor’s page');
  await context.close();
});
