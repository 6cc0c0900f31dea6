import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Commands } from '../../src/constants';

const root = path.join(__dirname, '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}

interface Manifest {
  displayName: string;
  description: string;
  extensionKind: string[];
  capabilities: unknown;
  l10n: string;
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string }>;
    walkthroughs: Array<{ id: string; title: string; description: string; steps: Step[] }>;
    [key: string]: unknown;
  };
  scripts: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Every user-facing string of the manifest, with where it stands. */
function userStrings(): Array<[string, string]> {
  const found: Array<[string, string]> = [
    ['displayName', manifest.displayName],
    ['description', manifest.description],
  ];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${where}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'markdownEnumDescriptions' && Array.isArray(v)) {
          v.forEach((d: unknown, i) => found.push([`${where}.${key}[${i}]`, String(d)]));
        } else if (
          typeof v === 'string' &&
          [
            'title',
            'description',
            'markdownDescription',
            'name',
            'contents',
            'patternErrorMessage',
            'contextualTitle',
          ].includes(key)
        ) {
          found.push([`${where}.${key}`, v]);
        } else {
          visit(v, `${where}.${key}`);
        }
      }
    }
  };
  visit(manifest.contributes, 'contributes');
  return found;
}

describe('the manifest, as users and the next maintainer meet it', () => {
  it('every user-facing manifest string comes from package.nls.json, and every key there is used', () => {
    const used = new Set<string>();
    for (const [where, text] of userStrings()) {
      const key = /^%([\w.-]+)%$/.exec(text)?.[1];
      assert.ok(key, `${where} is a %key%, not "${text}"`);
      assert.ok(key in nls, `${where}: ${key} is in package.nls.json`);
      used.add(key);
    }
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'unused keys in package.nls.json',
    );
  });

  it('the l10n bundle is committed and holds exactly the vscode.l10n.t strings of the sources', function () {
    this.timeout(60_000);
    assert.equal(manifest.l10n, './l10n');
    const committed = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<
      string,
      string
    >;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-l10n-'));
    try {
      const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      const r = spawnSync(process.execPath, [cli, 'export', '--outDir', out, path.join(root, 'src')], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      assert.deepEqual(committed, fresh, 'l10n/bundle.l10n.json is stale: run `npm run l10n` and commit it');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('runs beside the user in remote windows, in Restricted Mode and virtual workspaces, and never at start-up', () => {
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.ok(!manifest.activationEvents.some((e) => e === '*' || e === 'onStartupFinished'));
  });

  it('contributes every command the code registers, Show Log among them', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    assert.ok(contributed.includes('linqContacts.showLog'));
  });

  it('has a walkthrough whose every step has a button, completion events and a media page that exists', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.ok(walkthrough.steps.length >= 4);
    for (const step of walkthrough.steps) {
      const description = nls[step.description.slice(1, -1)] ?? '';
      assert.match(description, /\[[^\]]+\]\(command:[\w.]+\)/, `${step.id} has a button`);
      assert.ok(
        step.completionEvents.length > 0 &&
          step.completionEvents.every((e) => /^(onCommand|onContext|onView|onSettingChanged|onLink):/.test(e)),
        step.id,
      );
      const media = step.media.markdown ?? step.media.image ?? '';
      assert.ok(fs.existsSync(path.join(root, media)), `${step.id}: ${media} exists`);
    }
  });

  it('type-checks and lints before the production build, as the yo code template does', () => {
    assert.match(
      manifest.scripts.package ?? '',
      /^npm run check-types && npm run lint && node esbuild\.js --production$/,
    );
    assert.equal(manifest.scripts['vscode:prepublish'], 'npm run package');
    assert.match(manifest.scripts.watch ?? '', /npm-run-all -p watch:\*/);
    assert.equal(manifest.scripts['test:desktop'], 'vscode-test');
  });
});
