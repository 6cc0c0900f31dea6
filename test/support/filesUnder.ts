import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every regular file under `folder`, however deep (symbolic links and sockets skipped). */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...filesUnder(full));
    } else if (entry.isFile()) {
      found.push(full);
    }
  }
  return found;
}
