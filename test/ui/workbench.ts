/**
 * Drives a real VS Code (code-server) in Chromium the way a user does: the packaged .vsix installed
 * with --install-extension, a fresh profile, the project's stand-in as the Linq API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser.mjs';
import { installVsix, makeTempDir, startCodeServer, workbenchUrl, type CodeServer } from '../harness/codeServer.mjs';
import { projectRoot } from '../harness/paths.mjs';
import { buildVsix } from '../harness/vsix.mjs';
import { startStandIn, type StandIn, type StandInOptions } from '../server/linqStandIn';

/** Where UI tests leave screenshots (git-ignored); README images are refreshed on purpose with `npm run screenshots`. */
export const SCREENSHOT_DIR = path.join(projectRoot, 'test-results', 'screenshots');
const README_SHOTS = path.join(projectRoot, 'media', 'screenshots');

let vsixPath: string | undefined;

/** Builds the .vsix once per test process. */
export function packagedVsix(): string {
  vsixPath ??= buildVsix(path.join(makeTempDir('vsix'), 'linq-contacts.vsix'));
  return vsixPath;
}

export interface WorkbenchOptions {
  readonly standIn?: Partial<StandInOptions>;
  readonly theme?: 'light' | 'dark' | 'high-contrast';
  readonly settings?: Record<string, unknown>;
  readonly viewport?: { width: number; height: number };
  /** Other extensions (.vsix files) installed beside Linq Contacts. */
  readonly alsoInstall?: readonly string[];
}

export class Workbench {
  private constructor(
    readonly standIn: StandIn,
    readonly server: CodeServer,
    readonly browser: BrowserContext,
    readonly page: Page,
    private readonly root: string,
    /** A second window of the same workbench (`anotherWindow`): closing it closes its page only. */
    private readonly secondWindow = false,
  ) {}

  /** Another window on the same folder, as a user opens a second browser tab: its own extension host, same storage. */
  async anotherWindow(): Promise<Workbench> {
    const page = await this.browser.newPage();
    const other = new Workbench(this.standIn, this.server, this.browser, page, this.root, true);
    await other.open();
    return other;
  }

  static async start(options: WorkbenchOptions = {}): Promise<Workbench> {
    const root = makeTempDir('ui');
    const standIn = await startStandIn({ token: 'ui-token', ...options.standIn });
    const extensionsDir = path.join(root, 'extensions');
    installVsix(packagedVsix(), extensionsDir, root);
    for (const vsix of options.alsoInstall ?? []) {
      installVsix(vsix, extensionsDir, root);
    }
    const theme = options.theme ?? 'dark';
    const dark = theme !== 'light';
    const colorTheme = {
      dark: 'Default Dark Modern',
      light: 'Default Light Modern',
      'high-contrast': 'Default High Contrast',
    }[theme];
    const server = await startCodeServer({
      root,
      extensionsDir,
      settings: {
        'linqContacts.apiBaseUrl': standIn.baseUrl,
        'workbench.colorTheme': colorTheme,
        ...options.settings,
      },
    });
    const browser = await launchBrowser(path.join(root, 'browser-profile'), {
      colorScheme: dark ? 'dark' : 'light',
      viewport: options.viewport,
    });
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const workbench = new Workbench(standIn, server, browser, page, root);
    await workbench.open();
    return workbench;
  }

  /** The run's own folders (user data, browser profile, XDG data, config, cache and temp): everything it wrote. */
  get rootFolder(): string {
    return this.root;
  }

  /** Loads the workbench and waits for it. */
  async open(): Promise<void> {
    await this.page.goto(workbenchUrl(this.server));
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  get linqTab(): Locator {
    return this.page.locator('.activitybar').getByRole('tab', { name: /Linq/ });
  }

  /** The Contacts view's pane. */
  get contactsPane(): Locator {
    return this.page.locator('.pane').filter({ has: this.page.locator('.pane-header', { hasText: /Contacts/i }) });
  }

  /** Opens the Linq sidebar (if not open). */
  async showContacts(): Promise<void> {
    await this.linqTab.waitFor({ timeout: 30_000 });
    const selected = await this.linqTab.getAttribute('aria-selected');
    if (selected !== 'true') {
      await this.linqTab.click();
    }
    await this.contactsPane.waitFor({ timeout: 30_000 });
  }

  /** Tree rows of the Contacts view. */
  rows(): Locator {
    return this.contactsPane.getByRole('treeitem');
  }

  row(text: string | RegExp): Locator {
    return this.rows().filter({ hasText: text });
  }

  /** Opens the command palette on a command, ready for Enter. */
  async openPalette(title: string): Promise<void> {
    // A focused webview swallows F1: give the workbench the focus first (the title bar is inert).
    await this.page
      .locator('.part.titlebar')
      .click({ position: { x: 400, y: 10 } })
      .catch(() => undefined);
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor();
    await this.quickInput.fill(`>${title}`);
    // Enter runs the highlighted row: wait until the filter has put the command there (not merely in the list).
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor();
  }

  /** Runs a palette command by its title. */
  /**
   * Developer: Reload Window, as a user runs it; resolves once the new page has loaded and shows its workbench (not
   * while the old page is still there: a click then would land on the page being replaced).
   */
  async reload(): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: 120_000 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  async runCommand(title: string): Promise<void> {
    await this.openPalette(title);
    await this.quickInput.press('Enter');
  }

  /**
   * Chooses an item of a row's context menu. The workbench ignores a click that lands while the menu is
   * still opening, so the click is repeated (bounded) until the menu closes, as a user clicks again.
   */
  async contextMenu(rowText: string, itemName: string): Promise<void> {
    await this.row(rowText).first().click({ button: 'right' });
    const item = this.page.getByRole('menuitem', { name: itemName });
    await item.waitFor();
    for (let i = 0; i < 10 && (await item.isVisible()); i++) {
      await item.click({ timeout: 2_000 }).catch(() => undefined);
      await this.page.waitForTimeout(300);
    }
  }

  /**
   * Runs a palette command that asks for input, and returns its box once it shows (known by its
   * placeholder): the palette's own box is the same element, so typing earlier would go to the palette.
   */
  async runCommandAndAsk(title: string, placeholder: string): Promise<Locator> {
    await this.runCommand(title);
    const box = this.page.locator(`.quick-input-widget input[placeholder="${placeholder}"]`);
    await box.waitFor();
    return box;
  }

  /** The quick input box (input boxes and quick picks). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /** Types a token into the Set API Token box. */
  async enterToken(token: string): Promise<void> {
    await this.quickInput.waitFor();
    await this.quickInput.fill(token);
    await this.quickInput.press('Enter');
  }

  /** Opens the Contacts view and sets the token with its welcome button, as a new user does. */
  async setTokenFromWelcome(token: string): Promise<void> {
    await this.showContacts();
    await this.contactsPane.getByRole('button', { name: 'Set API Token' }).click();
    await this.enterToken(token);
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async setClipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  /** Toast or notification-centre messages now visible. */
  notifications(): Locator {
    return this.page.locator(
      '.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message',
    );
  }

  /** The detail tab's content (webview inside its iframes). */
  detail(): FrameLocator {
    // Each open tab keeps an iframe: the visible one is the active tab's.
    return this.page
      .locator('iframe.webview.ready')
      .filter({ visible: true })
      .contentFrame()
      .locator('#active-frame')
      .contentFrame();
  }

  /** Saves what the user sees; `readme` also copies it to media/screenshots for the README (only with `npm run screenshots`). */
  async screenshot(name: string, readme = false): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    if (readme && process.env.LINQ_UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(README_SHOTS, { recursive: true });
      fs.copyFileSync(file, path.join(README_SHOTS, `${name}.png`));
    }
    return file;
  }

  async close(): Promise<void> {
    if (this.secondWindow) {
      await this.page.close().catch(() => undefined);
      return;
    }
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    await this.standIn.close();
    fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * The hooks every UI suite shares: a screenshot named `FAILED-<prefix>-<test>` when a test fails, and the
 * workbench closed (browser, code-server, stand-in, temp folders) after the suite.
 */
export function screenshotFailuresAndClose(prefix: string, workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench()?.screenshot(`FAILED-${prefix}-${this.currentTest.title.replace(/\W+/g, '-')}`);
    }
  });
  after(async () => {
    await workbench()?.close();
  });
}
