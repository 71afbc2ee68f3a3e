// The KPI report: MEDISO staff open the report from the navigation, read the current fiscal
// year's figures, switch to the current quarter and download the same table as CSV, then
// open the records behind a figure, follow one to its page and download them as CSV.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

/** Today in Japan, its fiscal year (April to March) and the quarter of it (Q1 = April–June). */
function japanFiscalToday() {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return { fiscalYear: month >= 4 ? year : year - 1, quarter: Math.floor(((month + 8) % 12) / 3) + 1 };
}

/** A browser context in Japanese that records page and console errors. */
async function openPage() {
  const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
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

test('staff read the KPI report, download it as CSV and drill down to the records behind a figure', async () => {
  const { fiscalYear, quarter } = japanFiscalToday();
  const { context, page, problems } = await openPage();
  await logIn(page, STAFF);

  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-reports') }).click();
  await page.getByRole('heading', { name: t('web-report-title'), level: 1 }).waitFor();

  // The current fiscal year by default, with a count of consultations received.
  const table = page.getByTestId('report-kpi');
  const yearLabel = t('report-period-label-fiscal-year', { year: fiscalYear });
  await table.getByTestId('report-period-label').getByText(yearLabel, { exact: true }).waitFor();
  const consultations = table.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: t('report-figure-consultations-received'), exact: true }),
  });
  const cells = consultations.getByRole('cell');
  assert.match((await cells.first().innerText()).trim(), /^[\d,]+$/);
  assert.equal(await page.getByRole('img', { name: t('web-report-chart-label', { label: yearLabel }) }).count(), 1);

  // The current quarter of the same fiscal year.
  await page.getByLabel(t('web-report-period-kind')).selectOption({ label: t('web-report-kind-quarter') });
  assert.equal(await page.getByLabel(t('web-report-quarter')).inputValue(), String(quarter));
  const quarterLabel = t('report-period-label-quarter', { year: fiscalYear, quarter });
  await table.getByTestId('report-period-label').getByText(quarterLabel, { exact: true }).waitFor();
  assert.match((await cells.first().innerText()).trim(), /^[\d,]+$/);

  // The same table as CSV, for Excel: UTF-8 with a byte-order mark.
  const link = page.getByRole('link', { name: t('web-report-download-csv') });
  const href = await link.getAttribute('href');
  assert.match(href, /^\/reports\/kpi\.csv\?period=quarter&fiscalYear=\d{4}&quarter=[1-4]$/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(bytes.toString('utf8').includes('指標'), 'the CSV has the figure column');

  // Back to the fiscal year: the records behind its count of consultations received.
  await page.getByLabel(t('web-report-period-kind')).selectOption({ label: t('web-report-kind-fiscal-year') });
  await table.getByTestId('report-period-label').getByText(yearLabel, { exact: true }).waitFor();
  const figure = t('report-figure-consultations-received');
  const received = (await cells.first().innerText()).trim();
  const count = Number(received.replace(/,/g, ''));
  assert.ok(count > 0, 'the demo data has consultations this fiscal year');
  const opener = consultations.getByRole('button', { name: t('web-report-records-open-for', { label: figure }) });
  await opener.click();
  assert.equal(await opener.getAttribute('aria-expanded'), 'true');
  const records = page.getByTestId('report-records');
  const heading = records.getByRole('heading', { name: figure, level: 2 });
  await heading.waitFor();
  assert.ok(await heading.evaluate((element) => element === document.activeElement), 'the heading has focus');
  await records
    .getByTestId('report-records-total')
    .getByText(t('web-report-records-total', { label: yearLabel, count: received }), { exact: true })
    .waitFor();
  const recordRows = records.getByTestId('report-records-table').locator('tbody tr');
  assert.equal(await recordRows.count(), Math.min(count, 50));
  assert.equal(await recordRows.first().getByRole('cell').nth(2).innerText(), t('report-record-consultation'));

  // The records as CSV, for Excel: a byte-order mark, the localised header, one line each.
  const recordsLink = records.getByRole('link', { name: t('web-report-records-csv') });
  assert.equal(
    await recordsLink.getAttribute('href'),
    `/reports/records.csv?period=fiscal_year&fiscalYear=${fiscalYear}&figure=consultations_received`,
  );
  const [recordsDownload] = await Promise.all([page.waitForEvent('download'), recordsLink.click()]);
  const recordBytes = await readFile(await recordsDownload.path());
  assert.deepEqual([...recordBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = recordBytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  const header = ['kind', 'reference', 'title', 'date', 'amount'].map((column) => t(`report-csv-record-${column}`));
  assert.equal(lines[0], header.join(','));
  assert.equal(lines.length, count + 1);

  // Closing returns focus to the figure's button; opening again lists the same records.
  await records.getByRole('button', { name: t('web-report-records-close') }).click();
  await records.waitFor({ state: 'detached' });
  assert.ok(await opener.evaluate((element) => element === document.activeElement), 'focus is back on the button');
  await opener.click();

  // A record opens its consultation.
  const firstLink = recordRows.first().getByRole('link');
  const title = (await firstLink.innerText()).trim();
  await firstLink.click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/consultations\/[^/]+$/);

  assert.deepEqual(problems, []);
  await context.close();
});
