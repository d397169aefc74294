import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { fixtureArticle } from '../support/fixtures';
import { startTestCouch, type TestCouch } from '../support/testCouch';
import { importFiles, launchBrowser, libraryRow, openDocument, openWorkbench, selectByDrag, selectedSpan } from './support/workbench';

// Two analysts, each in a browser profile of their own, replicating through a team server on
// loopback (express-pouchdb, CORS for the page's origin only) that `hashiya server init` set up.

const TITLE = 'konico-strikes';
const ARTICLE = fixtureArticle(TITLE);
const CLAIM = 'المرصد السوري لحقوق الإنسان أن الدفاعات الجوية اعترضت صاروخين';

let browser: Browser;
let couch: TestCouch;

beforeAll(async () => {
  couch = await startTestCouch({ corsOrigin: new URL(inject('baseUrl')).origin });
  vi.stubEnv('HASHIYA_COUCHDB_USER', couch.admin.user);
  vi.stubEnv('HASHIYA_COUCHDB_PASSWORD', couch.admin.password);
  const code = await main(['server', 'init', couch.url, '--project', 'newsroom'], { out: () => undefined, err: () => undefined });
  vi.unstubAllEnvs();
  expect(code).toBe(0);
  // Amina brings the documents in (an admin's right); Badr annotates.
  await couch.addUser('amina', 'amina-pw', ['newsroom.admin']);
  await couch.addUser('badr', 'badr-pw', ['newsroom.annotator']);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await couch?.close();
});

const indicator = (page: Page) => page.getByRole('button', { name: /^Team server: / });

/** Connects through the toolbar's Connect dialog and waits for the dialog to close. */
async function connect(page: Page, user: string, password: string) {
  await indicator(page).click();
  const dialog = page.getByRole('dialog', { name: 'Team server' });
  await dialog.getByRole('textbox', { name: 'Server address' }).fill(couch.url);
  await dialog.getByRole('textbox', { name: 'Project' }).fill('newsroom');
  await dialog.getByRole('textbox', { name: 'User' }).fill(user);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const spanCount = (page: Page, title: string) => libraryRow(page, title).getByTestId('span-count').innerText();

describe('team sync', () => {
  it('carries a span from one analyst to another, catches up after being offline, and says where it stands', async () => {
    const a = await openWorkbench(browser, 'someone');
    const b = await openWorkbench(browser, 'someone else');
    await expect.poll(() => indicator(a.page).getAttribute('aria-label')).toBe('Team server: Not connected');

    // A wrong password is said in the dialog, and nothing is kept.
    await indicator(b.page).click();
    const dialog = b.page.getByRole('dialog', { name: 'Team server' });
    await dialog.getByRole('textbox', { name: 'Server address' }).fill(couch.url);
    await dialog.getByRole('textbox', { name: 'Project' }).fill('newsroom');
    await dialog.getByRole('textbox', { name: 'User' }).fill('badr');
    await dialog.getByLabel('Password').fill('wrong');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('Could not connect: the server refused the user name or password.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await connect(a.page, 'amina', 'amina-pw');
    await connect(b.page, 'badr', 'badr-pw');
    // On a team, the layer is named by the CouchDB user.
    await a.page.getByRole('button', { name: 'Annotator: amina (change)' }).waitFor();
    await expect.poll(() => indicator(b.page).getAttribute('aria-label')).toBe('Team server: Up to date');

    await importFiles(a.page, [ARTICLE.path]);
    await libraryRow(b.page, TITLE).waitFor();

    // Amina tags a span; it appears in Badr's library.
    await openDocument(a.page, TITLE);
    await selectByDrag(a.page, CLAIM);
    await a.page.keyboard.press('4');
    await expect.poll(() => selectedSpan(a.page)).toMatchObject({ label: 'claim', text: CLAIM, annotator: 'amina' });
    await expect.poll(() => spanCount(b.page, TITLE), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => indicator(a.page).getAttribute('aria-label')).toBe('Team server: Up to date');

    // Offline, Amina's edits wait, and the indicator says so; back online they arrive.
    await a.context.setOffline(true);
    await expect.poll(() => indicator(a.page).getAttribute('aria-label')).toBe('Team server: Offline');
    await selectByDrag(a.page, 'الدفاعات الجوية');
    await a.page.keyboard.press('1');
    await expect.poll(() => selectedSpan(a.page)).toMatchObject({ text: 'الدفاعات الجوية' });
    await a.context.setOffline(false);
    await expect.poll(() => spanCount(b.page, TITLE), { timeout: 30_000 }).toBe('2');
    await expect.poll(() => indicator(a.page).getAttribute('aria-label'), { timeout: 30_000 }).toBe('Team server: Up to date');

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 120_000);
});
