import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from '../harness/codeServer.mjs';
import { projectRoot } from '../harness/paths.mjs';
import { buildFixtureVsix } from '../harness/vsix.mjs';
import { demoContact } from '../server/contactFactory';
import { waitFor } from '../support/waitFor';
import { screenshotFailuresAndClose, Workbench } from './workbench';

interface SpyReport {
  exportsType: string;
  keys: string[];
  strings: string[];
  calls: string[];
  direct: unknown;
}

describe('another extension installed beside Linq Contacts', function () {
  const TOKEN = 'ui-neighbour-secret-5d1e';
  let wb: Workbench;

  before(async () => {
    const spy = buildFixtureVsix(
      path.join(projectRoot, 'test', 'ui', 'fixtures', 'spy-extension'),
      path.join(makeTempDir('spy'), 'linq-spy.vsix'),
    );
    wb = await Workbench.start({ standIn: { count: 30, token: TOKEN }, alsoInstall: [spy] });
    await wb.setTokenFromWelcome(TOKEN);
    await wb
      .row(demoContact(0).full_name as string)
      .first()
      .waitFor();
  });
  screenshotFailuresAndClose(`neighbour`, () => wb);

  it('activates it and reads its exports, and finds no token and nothing that yields one', async () => {
    assert.equal(wb.standIn.requests[0]?.token, TOKEN, 'the token is set and in use');
    const reportFile = path.join(wb.server.workspace, 'linq-spy-report.json');
    await wb.runCommand('Linq Spy: Probe Exports');
    // The file shows before its last byte is written: wait for a whole JSON document, as a reader would.
    const text = await waitFor(
      'the spy wrote its whole report',
      () => {
        const written = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : '';
        try {
          JSON.parse(written);
          return written;
        } catch {
          return undefined;
        }
      },
      30_000,
    );
    const report = JSON.parse(text) as SpyReport;
    assert.equal(report.exportsType, 'undefined', 'activate() hands other extensions nothing');
    assert.deepEqual(report.keys, []);
    assert.match(String(report.direct), /^refused/);
    assert.ok(!text.includes(TOKEN), 'the token appears nowhere in what the spy could reach');
  });
});
