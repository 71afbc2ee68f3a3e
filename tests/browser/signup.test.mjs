// A newcomer signs up, confirms the address from the email, logs in and switches language:
// once starting in Japanese, once starting in English.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, linkInEmail, messages, startBanso } from './support.mjs';

const PASSWORD = 'sakura blossoms in april';
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

async function journey({ start, other, browserLocale, email, name }) {
  const t = messages(start);
  const u = messages(other);
  const context = await browser.newContext({ locale: browserLocale });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

  await page.goto(`${banso.base}/`);
  await assert.doesNotReject(page.waitForFunction((lang) => document.documentElement.lang === lang, start));
  await page.getByRole('heading', { name: t('web-home-welcome-title') }).waitFor();
  await page.getByRole('link', { name: t('web-home-signup-cta') }).first().click();

  await page.getByRole('heading', { name: t('web-signup-title') }).waitFor();
  await page.getByLabel(t('web-field-email')).fill(email);
  await page.getByLabel(t('web-field-password')).fill(PASSWORD);
  await page.getByLabel(t('web-field-display-name')).fill(name);
  await page.getByLabel(t('web-field-organisation-name')).fill(start === 'ja' ? '株式会社つくばメディカル' : 'Harbour Health Ltd');
  await page.getByLabel(t('web-field-organisation-kind')).selectOption('STARTUP');
  await page.getByRole('button', { name: t('web-signup-submit') }).click();
  await page.getByTestId('signup-done').waitFor();
  assert.ok((await page.getByTestId('signup-done').innerText()).includes(email));

  // The confirmation link from the email, in the newcomer's language.
  const link = await linkInEmail(banso.dataDir, email, '/verify-email');
  await page.goto(link);
  await page.getByRole('heading', { name: t('web-verify-done-title') }).waitFor();
  await page.getByTestId('verify-done').getByRole('link', { name: t('web-verify-login') }).click();

  await page.getByRole('heading', { name: t('web-login-title') }).waitFor();
  const emailField = page.getByLabel(t('web-field-email'));
  if ((await emailField.inputValue()) === '') await emailField.fill(email);
  await page.getByLabel(t('web-field-password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('web-login-submit') }).click();
  await page.getByRole('heading', { name: t('web-home-greeting', { name }) }).waitFor();

  // Switch language: the page, its <html lang> and the saved preference follow.
  await page.getByTestId(`language-${other}`).click();
  await page.getByRole('heading', { name: u('web-home-greeting', { name }) }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), other);
  await page.reload();
  await page.getByRole('heading', { name: u('web-home-greeting', { name }) }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), other);
  const me = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { locale } }' }),
    });
    return (await response.json()).data.me;
  });
  assert.equal(me.locale, other.toUpperCase(), 'the account keeps the chosen language');

  assert.deepEqual(problems, [], 'no errors in the page');
  await context.close();
}

test('signs up, verifies, logs in and switches from Japanese to English', async () => {
  await journey({ start: 'ja', other: 'en', browserLocale: 'ja-JP', email: 'hanako@tsukuba-medical.example', name: '佐藤 花子' });
});

test('signs up, verifies, logs in and switches from English to Japanese', async () => {
  await journey({ start: 'en', other: 'ja', browserLocale: 'en-GB', email: 'oliver@harbour-health.example', name: 'Oliver Grant' });
});
