// A Healthtech Challenge grant from application to a paid tranche: the requester applies to the
// FY2026 programme with a two-milestone plan (saved as a draft, then submitted); MEDISO staff
// award it as planned; the requester submits evidence for the first milestone and staff approve
// it. The programme matches payments with private investment (ratio 2.0) and the startup has
// none confirmed, so the tranche waits; staff record an investment and the requester sees the
// tranche disbursed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, messages, startBanso } from './support.mjs';

const PASSWORD = 'banso-demo-2026';
const REQUESTER = { email: 'requester@sakura-medtech.example', name: '佐藤 花子' };
const STAFF = { email: 'staff.mediso@banso.example', name: '田中 健一' };
const ORGANISATION = '株式会社さくらメドテック';
const PROGRAMME = 'ヘルステック・チャレンジ（令和8年度）';
const TITLE = '在宅心不全患者の遠隔モニタリングAIの臨床性能試験';
const SUMMARY =
  '在宅の心不全患者のウェアラブル心電図から増悪の兆候を検出するAIプログラム医療機器を開発します。本事業では多施設での臨床性能試験を行い、承認申請に必要な資料を整えます。';
const MILESTONES = [
  {
    title: '多施設臨床性能試験の症例登録完了',
    criteria: '3施設で計300例の症例登録を完了し、登録状況報告書を得ること。',
    days: 60,
    tranche: '50,000,000',
  },
  {
    title: '主要評価項目の達成と総括報告書の作成',
    criteria: '感度・特異度がいずれも事前に定めた基準を上回り、総括報告書を作成すること。',
    days: 240,
    tranche: '70,000,000',
  },
];
const EVIDENCE = '3施設で計312例の登録を完了しました。各施設の登録状況報告書と、データセンターの登録完了通知を提出します。';
const EVIDENCE_LINK = 'https://dataroom.sakura-medtech.example/grants/milestone-1';
const DESK = '医療系ベンチャー・トータルサポートオフィス（MEDISO）';
const INVESTOR = 'さくらベンチャーキャピタル株式会社';
const INVESTMENT_EVIDENCE = '株式引受契約書と払込金保管証明書を確認。';

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

/** The day in Japan, `days` from now, as a date input takes it. */
function japanDay(days = 0) {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(at);
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
  await page.getByRole('heading', { name: t('web-login-title') }).waitFor();
  await page.getByLabel(t('web-field-email')).fill(email);
  await page.getByLabel(t('web-field-password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('web-login-submit') }).click();
  await page.getByRole('heading', { name: t('web-home-greeting', { name }) }).waitFor();
}

/** The application page's milestone at `position` (1-based), once its status reads `status`. */
async function milestoneIn(page, position, status) {
  const item = page.locator(`[data-testid="milestone"][data-position="${position}"]`);
  await item.getByTestId('milestone-status').getByText(status, { exact: true }).waitFor();
  return item;
}

async function applicationStatus(page, status) {
  await page.getByTestId('application-overview').getByTestId('application-status').getByText(status, { exact: true }).waitFor();
}

/** The row of the application's investments table for `investor`, once it shows. */
async function investmentOf(page, investor) {
  const row = page
    .getByTestId('award-panel')
    .getByTestId('investment')
    .filter({ has: page.getByTestId('investment-investor').getByText(investor, { exact: true }) });
  await row.waitFor();
  return row;
}

async function reloadApplication(page) {
  await page.reload();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
}

test('a requester applies with a milestone plan, is awarded, and is paid a tranche once investment is confirmed', async () => {
  // The requester opens the grants from the navigation; their organisation has not applied yet.
  const requester = await openPage();
  const page = requester.page;
  await logIn(page, REQUESTER);
  await page.getByRole('navigation').getByRole('link', { name: t('web-nav-grants') }).click();
  await page.getByRole('heading', { name: t('web-grant-list-title'), level: 1 }).waitFor();
  await page.getByTestId('grant-applications-empty').getByText(t('web-grant-list-my-applications-empty')).waitFor();
  const programme = page.getByTestId('grant-programme').filter({ has: page.getByRole('heading', { name: PROGRAMME }) });
  await programme.getByTestId('programme-open').getByText(t('web-grant-programme-open')).waitFor();
  await programme.getByText(t('grant-theme-ai-samd')).waitFor();
  assert.equal(
    (await programme.getByTestId('programme-desk').innerText()).trim(),
    t('web-grant-run-by', { desk: DESK }),
    'the desk running it',
  );
  assert.match(await programme.innerText(), /300,000,000円/, 'the ceiling per award, as Japanese writes yen');

  // The programme's page tells what it funds and how it is reviewed; staff figures are not shown.
  await programme.getByRole('link', { name: PROGRAMME }).click();
  await page.getByRole('heading', { name: PROGRAMME, level: 1 }).waitFor();
  await page.getByTestId('programme-criteria').getByText('医療ニーズ・社会的インパクト').waitFor();
  assert.equal((await page.getByTestId('programme-desk').innerText()).trim(), t('web-grant-run-by', { desk: DESK }));
  assert.equal(await page.getByTestId('programme-budget').count(), 0, 'the budget is for staff');
  await page.getByRole('link', { name: t('web-grant-list-apply') }).click();
  await page.getByRole('heading', { name: t('web-grant-apply-title', { name: PROGRAMME }) }).waitFor();

  // The application: theme, project and a two-milestone plan.
  const form = page.getByTestId('grant-application-form');
  await form.getByRole('combobox', { name: t('web-grant-theme') }).selectOption({ label: t('grant-theme-ai-samd') });
  await form.getByRole('textbox', { name: t('web-grant-application-title'), exact: true }).fill(TITLE);
  await form.getByRole('textbox', { name: t('web-grant-summary'), exact: true }).fill(SUMMARY);
  await form.getByTestId('add-milestone').click();
  const rows = form.getByTestId('milestone-row');
  assert.equal(await rows.count(), 2);
  // Saving checks every milestone first.
  await form.getByRole('button', { name: t('web-grant-application-save') }).click();
  await rows.nth(0).getByText(t('web-validation-required')).first().waitFor();
  for (const [i, milestone] of MILESTONES.entries()) {
    const row = rows.nth(i);
    await row.getByRole('group', { name: t('web-grant-milestone-number', { count: i + 1 }) }).waitFor();
    await row.getByRole('textbox', { name: t('web-grant-milestone-title'), exact: true }).fill(milestone.title);
    await row.getByRole('textbox', { name: t('web-grant-milestone-criteria'), exact: true }).fill(milestone.criteria);
    await row.getByLabel(t('web-grant-milestone-due'), { exact: true }).fill(japanDay(milestone.days));
    await row.getByRole('textbox', { name: t('web-grant-milestone-tranche'), exact: true }).fill(milestone.tranche);
  }
  // The running total is checked against the ceiling; the server refuses a plan over it.
  const secondTranche = rows.nth(1).getByRole('textbox', { name: t('web-grant-milestone-tranche'), exact: true });
  await secondTranche.fill('260,000,000');
  assert.equal((await form.getByTestId('plan-total-amount').innerText()).trim(), '310,000,000円');
  await form.getByTestId('plan-over-ceiling').getByText(t('web-grant-plan-over-ceiling')).waitFor();
  await form.getByRole('button', { name: t('web-grant-application-save') }).click();
  await form.getByTestId('milestones-error').waitFor();
  await secondTranche.fill(MILESTONES[1].tranche);
  assert.equal((await form.getByTestId('plan-total-amount').innerText()).trim(), '120,000,000円');
  assert.equal(await form.getByTestId('plan-over-ceiling').count(), 0);
  await form.getByRole('button', { name: t('web-grant-application-save') }).click();

  // The draft is saved; the requester submits it from its page.
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await page.getByTestId('grant-notice').getByText(t('web-grant-application-saved')).waitFor();
  await applicationStatus(page, t('grant-application-status-draft'));
  assert.equal((await page.getByTestId('application-requested').innerText()).trim(), '120,000,000円');
  await page.getByRole('button', { name: t('web-grant-application-submit') }).click();
  const confirm = page.getByRole('dialog', { name: t('web-grant-application-submit-title') });
  await confirm.getByText(t('web-grant-application-submit-confirm')).waitFor();
  await confirm.getByRole('button', { name: t('web-grant-application-submit') }).click();
  await page.getByTestId('grant-notice').getByText(t('web-grant-application-submitted')).waitFor();
  await applicationStatus(page, t('grant-application-status-submitted'));
  assert.equal(await page.getByRole('link', { name: t('web-grant-application-edit') }).count(), 0, 'no edits once submitted');
  await milestoneIn(page, 1, t('milestone-status-locked'));
  const applicationUrl = page.url();

  // MEDISO staff find it among the applications received and award it as planned.
  const staff = await openPage();
  const desk = staff.page;
  await logIn(desk, STAFF);
  await desk.getByRole('navigation').getByRole('link', { name: t('web-nav-grants') }).click();
  await desk.getByRole('heading', { name: t('web-grant-list-received') }).waitFor();
  await desk.getByTestId('grant-applications').getByRole('link', { name: TITLE }).click();
  await desk.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  assert.equal(desk.url(), applicationUrl);
  await desk.getByTestId('reviewers-panel').waitFor();
  const award = desk.getByTestId('award-form');
  assert.equal(await award.getByRole('textbox', { name: t('web-grant-award-amount') }).inputValue(), '120,000,000');
  const tranches = award.getByTestId('award-tranches');
  for (const [i, milestone] of MILESTONES.entries()) {
    const label = t('web-grant-milestone-heading', { count: i + 1, name: milestone.title });
    assert.equal(await tranches.getByRole('textbox', { name: label }).inputValue(), milestone.tranche);
  }
  await award.getByRole('button', { name: t('web-grant-award-submit') }).click();
  await desk.getByTestId('grant-notice').getByText(t('web-grant-awarded', { name: ORGANISATION })).waitFor();
  await applicationStatus(desk, t('grant-application-status-awarded'));
  assert.equal((await desk.getByTestId('award-amount').innerText()).trim(), '120,000,000円');
  await milestoneIn(desk, 1, t('milestone-status-active'));
  await milestoneIn(desk, 2, t('milestone-status-locked'));
  assert.equal(await desk.getByTestId('award-form').count(), 0, 'decided');

  // The requester submits evidence for the first milestone.
  await reloadApplication(page);
  await applicationStatus(page, t('grant-application-status-awarded'));
  let first = await milestoneIn(page, 1, t('milestone-status-active'));
  assert.equal(await (await milestoneIn(page, 2, t('milestone-status-locked'))).getByTestId('evidence-form').count(), 0);
  const evidence = first.getByTestId('evidence-form');
  await evidence.getByRole('button', { name: t('milestone-step-submit-evidence') }).click();
  await evidence.getByText(t('web-validation-required')).first().waitFor();
  await evidence.getByRole('textbox', { name: t('web-grant-evidence'), exact: true }).fill(EVIDENCE);
  await evidence.getByRole('textbox', { name: t('web-grant-evidence-links'), exact: true }).fill(`${EVIDENCE_LINK}\n`);
  await evidence.getByRole('button', { name: t('milestone-step-submit-evidence') }).click();
  await page.getByTestId('grant-notice').getByText(t('web-grant-evidence-sent', { count: 1 })).waitFor();
  first = await milestoneIn(page, 1, t('milestone-status-evidence-submitted'));
  await first.getByRole('link', { name: EVIDENCE_LINK }).waitFor();
  assert.equal(await first.getByTestId('evidence-form').count(), 0);

  // Staff approve it. Asking for more evidence would need a note.
  await reloadApplication(desk);
  first = await milestoneIn(desk, 1, t('milestone-status-evidence-submitted'));
  await first.getByTestId('milestone-evidence').getByText(EVIDENCE).waitFor();
  const decision = first.getByTestId('milestone-decision-form');
  await decision.getByLabel(t('milestone-step-reject'), { exact: true }).check();
  await decision.getByRole('button', { name: t('web-grant-decision-submit') }).click();
  await decision.getByText(t('web-grant-decision-note-required')).first().waitFor();
  await decision.getByLabel(t('milestone-step-approve'), { exact: true }).check();
  await decision.getByRole('button', { name: t('web-grant-decision-submit') }).click();
  await desk.getByTestId('grant-notice').getByText(t('web-grant-milestone-approved', { count: 1 })).waitFor();
  first = await milestoneIn(desk, 1, t('milestone-status-approved'));
  await milestoneIn(desk, 2, t('milestone-status-active'));

  // The requester sees the milestone achieved and its tranche: paid, or waiting for private
  // investment under the programme's VC match (the startup has none confirmed).
  await reloadApplication(page);
  first = await milestoneIn(page, 1, t('milestone-status-approved'));
  await milestoneIn(page, 2, t('milestone-status-active'));
  const disbursement = first.getByTestId('disbursement-status');
  await disbursement.waitFor();
  assert.equal((await first.getByTestId('disbursement-amount').innerText()).trim(), '50,000,000円');
  if ((await disbursement.getAttribute('data-status')) === 'AWAITING_MATCH') {
    assert.equal((await disbursement.innerText()).trim(), t('disbursement-status-awaiting-match'));
    await page.getByTestId('awaiting-match-notice').getByText(t('web-grant-award-awaiting-match-notice')).waitFor();
    assert.equal((await page.getByTestId('award-awaiting-match').innerText()).trim(), '50,000,000円');
    assert.equal((await page.getByTestId('award-disbursed').innerText()).trim(), '0円');
    assert.equal(await page.getByTestId('investment-panel').count(), 0, 'investments are recorded by staff');
    await page
      .getByTestId('investments-empty')
      .getByText(t('web-grant-investments-empty', { name: ORGANISATION }))
      .waitFor();

    // Staff record a seed investment of 30,000,000 yen: twice that covers the tranche.
    await reloadApplication(desk);
    await desk.getByTestId('investment-panel').getByRole('button', { name: t('web-grant-investment-record') }).click();
    const dialog = desk.getByTestId('investment-dialog');
    await dialog.getByRole('heading', { name: t('web-grant-investment-title', { name: ORGANISATION }) }).waitFor();
    await dialog.getByRole('textbox', { name: t('web-grant-investor') }).fill(INVESTOR);
    await dialog.getByRole('textbox', { name: t('web-introduction-investment-amount') }).fill('30,000,000');
    await dialog
      .getByRole('combobox', { name: t('web-introduction-investment-round') })
      .selectOption({ label: t('investment-round-seed') });
    await dialog.getByLabel(t('web-introduction-investment-date')).fill(japanDay());
    await dialog.getByRole('textbox', { name: t('web-grant-investment-evidence') }).fill(INVESTMENT_EVIDENCE);
    await dialog.getByRole('button', { name: t('web-grant-investment-record') }).click();
    await desk.getByTestId('grant-notice').getByText(t('web-grant-investment-recorded', { label: '30,000,000円' })).waitFor();
    first = await milestoneIn(desk, 1, t('milestone-status-approved'));
    await first.getByTestId('disbursement-status').getByText(t('disbursement-status-disbursed')).waitFor();
    assert.equal((await desk.getByTestId('award-confirmed-investment').innerText()).trim(), '30,000,000円');
    // The award section lists it at once, with the evidence the staff checked.
    let recorded = await investmentOf(desk, INVESTOR);
    assert.equal((await recorded.getByTestId('investment-amount').innerText()).trim(), '30,000,000円');
    await recorded.getByText(t('investment-round-seed'), { exact: true }).waitFor();
    await recorded.getByTestId('investment-source').getByText(t('web-grant-investment-from-desk')).waitFor();
    assert.equal((await recorded.getByTestId('investment-evidence').innerText()).trim(), INVESTMENT_EVIDENCE);
    assert.equal(await desk.getByTestId('investments-empty').count(), 0);

    // The requester sees what counts for the VC match, without the staff's evidence.
    await reloadApplication(page);
    first = await milestoneIn(page, 1, t('milestone-status-approved'));
    recorded = await investmentOf(page, INVESTOR);
    assert.equal((await recorded.getByTestId('investment-amount').innerText()).trim(), '30,000,000円');
    await recorded.getByTestId('investment-source').getByText(t('web-grant-investment-from-desk')).waitFor();
    assert.equal(await page.getByTestId('investment-evidence').count(), 0, 'the evidence is for staff');
  }
  await first.getByTestId('disbursement-status').getByText(t('disbursement-status-disbursed')).waitFor();
  assert.equal((await page.getByTestId('award-disbursed').innerText()).trim(), '50,000,000円');
  assert.equal((await page.getByTestId('award-awaiting-match').innerText()).trim(), '0円');

  // The programme's budget shows the money committed and paid.
  await reloadApplication(desk);
  await desk.getByRole('main').getByRole('link', { name: PROGRAMME }).first().click();
  await desk.getByRole('heading', { name: PROGRAMME, level: 1 }).waitFor();
  await desk.getByTestId('ledger').getByText(t('web-grant-ledger-intact')).waitFor();
  await desk.getByTestId('programme-applications').getByRole('link', { name: TITLE }).waitFor();
  // Its form names the desk running it, which cannot change.
  await desk.getByRole('main').getByRole('link', { name: t('web-action-edit') }).click();
  await desk.getByRole('heading', { name: t('web-grant-programme-edit-title', { name: PROGRAMME }) }).waitFor();
  assert.equal((await desk.getByTestId('grant-programme-form').getByTestId('programme-desk').innerText()).trim(), DESK);

  // In English, the milestone and the amounts read as English writes them.
  await page.getByTestId('language-en').click();
  first = await milestoneIn(page, 1, en('milestone-status-approved'));
  await first.getByTestId('disbursement-status').getByText(en('disbursement-status-disbursed')).waitFor();
  assert.equal((await first.getByTestId('disbursement-amount').innerText()).trim(), '¥50,000,000');

  // The requester's list of applications links to it.
  await page.getByRole('navigation').getByRole('link', { name: en('web-nav-grants') }).click();
  await page.getByRole('heading', { name: en('web-grant-list-my-applications') }).waitFor();
  await page.getByTestId('grant-applications').getByRole('link', { name: TITLE }).waitFor();

  for (const [who, session] of Object.entries({ requester, staff })) {
    assert.deepEqual(session.problems, [], `no errors in the ${who}’s page`);
    await session.context.close();
  }
});
