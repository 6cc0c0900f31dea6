import { IMPORT_CONCURRENCY, planImport, runImport } from '../../src/contacts/contactImport';
import { ContactStore } from '../../src/contacts/store/contactStore';
import { parseContact } from '../../src/api/validate';
import { readImportFile } from '../../src/format/importFile';
import { toVCard } from '../../src/format/vcard';
import { demoContact } from '../server/contactFactory';
import { loadAllContacts } from '../support/loadAllContacts';
import { CONCURRENCY, countingClient, LATENCY_MS, PER_PAGE, standIn } from './benchStandIn';

const IMPORT_ROWS = 1_000;
const IMPORT_KNOWN = 100;

/**
 * Import Contacts from a .vcf of 1,000 contacts, 100 of them already in Linq (the stand-in's own, under other
 * names), against the child-process stand-in at 50 ms: the plan (a `find` per row: the store is empty) and the
 * creates, at most 4 at a time, measured against the floor `(finds + creates) / 4 × latency` of the same
 * requests. Afterwards every contact is listed to count duplicates of the imported addresses.
 */
export async function benchImport(): Promise<Record<string, number>> {
  const server = await standIn([]);
  try {
    const cards: string[] = [];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const known = i < IMPORT_KNOWN;
      const email = known ? String(demoContact(i * 97).email) : `imported.${i}@bench.example`;
      cards.push(
        toVCard(
          parseContact({
            id: i + 1,
            first_name: `Row${i}`,
            last_name: known ? 'Known' : 'Fresh',
            email,
            company: 'Bench Co',
          }),
        ),
      );
    }
    const read = readImportFile('bench.vcf', cards.join(''));
    const { client, requests } = countingClient(server.baseUrl);
    const target = { client, store: new ContactStore(client) };
    const started = performance.now();
    const plan = await planImport(target, read);
    const planMs = performance.now() - started;
    const findRequests = requests();
    const summary = await runImport(target, plan);
    const totalMs = performance.now() - started;
    const createRequests = requests() - findRequests;
    const floorMs = ((findRequests + createRequests) / IMPORT_CONCURRENCY) * LATENCY_MS;
    const all = await loadAllContacts(countingClient(server.baseUrl).client, {
      perPage: PER_PAGE,
      concurrency: CONCURRENCY,
    });
    const imported = new Set(read.drafts.map((d) => d.email.toLowerCase()));
    const perEmail = new Map<string, number>();
    for (const c of all) {
      const key = c.email?.toLowerCase();
      if (key !== undefined && imported.has(key)) {
        perEmail.set(key, (perEmail.get(key) ?? 0) + 1);
      }
    }
    const duplicates = [...perEmail.values()].reduce((sum, n) => sum + n - 1, 0);
    const result = {
      importRows: IMPORT_ROWS,
      importNew: plan.fresh.length,
      importExisting: plan.existing.length,
      importCreated: summary.created.length,
      importFailed: summary.failed.length,
      importFinds: findRequests,
      importCreates: createRequests,
      importPlanMs: Math.round(planMs),
      importMs: Math.round(totalMs),
      importFloorMs: Math.round(floorMs),
      importOverFloor: Number((totalMs / floorMs).toFixed(3)),
      importDuplicates: duplicates,
      importMissing: imported.size - perEmail.size,
    };
    console.log(
      `import ${IMPORT_ROWS} from a .vcf (${result.importExisting} already in Linq): ${result.importNew} new, ${result.importCreated} created, ${result.importFailed} failed in ${result.importMs} ms (plan ${result.importPlanMs} ms)`,
    );
    console.log(
      `  ${result.importFinds} finds + ${result.importCreates} creates; floor (finds + creates) / ${IMPORT_CONCURRENCY} × ${LATENCY_MS} ms = ${result.importFloorMs} ms: ${result.importOverFloor}× the floor; ${duplicates} duplicates, ${result.importMissing} addresses missing`,
    );
    return result;
  } finally {
    server.child.kill();
  }
}
