import * as assert from 'node:assert/strict';
import { LinqClient } from '../../src/api/linqClient';
import { logWhenAllLoaded, openConnection } from '../../src/contacts/connection';
import type { Logger } from '../../src/log/logger';
import { startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'unit-connection-token';

describe('connection: a connection’s start without a cache, and its "loaded all" line', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await startStandIn({ count: 230, token: TOKEN });
  });
  after(() => standIn.close());

  it('without a cache the store starts empty and asks Linq; when all are held, a line of counts and one of memory', async () => {
    const client = new LinqClient({ baseUrl: standIn.baseUrl, token: TOKEN });
    const connection = await openConnection(
      client,
      { host: client.host, baseUrl: standIn.baseUrl, token: TOKEN },
      undefined,
    );
    assert.equal(connection.held, undefined);
    assert.equal(connection.store.contacts.length, 0);
    const lines: string[] = [];
    const log = {
      info: (line: string) => lines.push(line),
      warn: (line: string) => lines.push(line),
    } as unknown as Logger;
    logWhenAllLoaded(connection, log);
    await connection.store.walk();
    assert.equal(lines.length, 2, JSON.stringify(lines));
    // The first round asks pages 1…4 at once (the end is unknown before a reply): the 4th comes back empty.
    assert.match(
      lines[0] ?? '',
      /^Loaded all 230 contacts in \d+ ms \(3 pages, 4 list requests; pages in flight settled at \d+\)\.$/,
    );
    assert.match(
      lines[1] ?? '',
      /^Memory of the extension host: heap \d+ MB used of \d+ MB, \d+ MB outside it \(\d+ MB array buffers\), \d+ MB resident\.$/,
    );
    connection.store.dispose();
  });
});
