import { demoContact } from '../server/contactFactory';
import { screenshotFailuresAndClose, Workbench } from './workbench';

describe('Several windows in a real VS Code from the .vsix: one organisation, without Refresh', function () {
  let first: Workbench;
  let second: Workbench;

  before(async () => {
    first = await Workbench.start({ standIn: { count: 60 } });
    await first.setTokenFromWelcome('ui-token');
    await first
      .row(String(demoContact(0).full_name))
      .first()
      .waitFor({ timeout: 30_000 });
    second = await first.anotherWindow();
    await second.showContacts();
    await second
      .row(String(demoContact(0).full_name))
      .first()
      .waitFor({ timeout: 60_000 });
  });
  screenshotFailuresAndClose('several-windows', () => first);
  after(() => second?.close());

  it('a second window follows an edit made in the first', async () => {
    const target = demoContact(2);
    await first.contextMenu(String(target.full_name), 'Edit Contact');
    const form = first.detail();
    const title = form.getByLabel('Title', { exact: true });
    await title.waitFor({ timeout: 30_000 });
    await title.fill('Chief Window Officer');
    await form.getByRole('button', { name: 'Save' }).click();
    await first
      .row(/Chief Window Officer/)
      .first()
      .waitFor({ timeout: 30_000 });
    await second
      .row(/Chief Window Officer/)
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it('a second window follows a create made in the first', async () => {
    await first.runCommand('Linq: New Contact…');
    const form = first.detail();
    await form.getByLabel('First name', { exact: true }).fill('Tabitha');
    await form.getByLabel('Last name', { exact: true }).fill('Twowindows');
    await form.getByLabel('Email', { exact: true }).fill('tabitha@two.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await first.row('Tabitha Twowindows').first().waitFor({ timeout: 30_000 });
    await second.row('Tabitha Twowindows').first().waitFor({ timeout: 15_000 });
    await second.screenshot('several-windows-second');
  });
});
