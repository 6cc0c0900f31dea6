/**
 * Runs the stand-in as a process of its own (for `npm start`, the benchmark and UI tests).
 * Flags mirror `StandInOptions`: `--count 300 --latency 50 --hostile --token demo --port 0 --fail-every 5`.
 * Prints one JSON line `{"baseUrl": …}` once listening; stops on SIGINT/SIGTERM or when stdin closes.
 */
import { startStandIn, type StandInOptions } from './linqStandIn';

function parseArgs(argv: readonly string[]): { options: Partial<StandInOptions>; port: number } {
  const options: Partial<StandInOptions> = {};
  let port = 0;
  const num = (i: number): number => Number(argv[i + 1]);
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--port':
        port = num(i);
        i++;
        break;
      case '--count':
        options.count = num(i);
        i++;
        break;
      case '--latency':
        options.latencyMs = num(i);
        i++;
        break;
      case '--token':
        options.token = argv[i + 1] ?? '';
        i++;
        break;
      case '--hostile':
        options.hostile = true;
        break;
      case '--fail-every':
        options.failEvery = num(i);
        i++;
        break;
      case '--rate-limit-every':
        options.rateLimitEvery = num(i);
        i++;
        break;
      case '--retry-after':
        options.retryAfterSeconds = num(i);
        i++;
        break;
      case '--html502-every':
        options.html502Every = num(i);
        i++;
        break;
      case '--truncate-every':
        options.truncateEvery = num(i);
        i++;
        break;
      case '--hang-every':
        options.hangEvery = num(i);
        i++;
        break;
      case '--shift-every':
        options.shiftEvery = num(i);
        i++;
        break;
      case '--max-in-flight':
        options.maxInFlight = num(i);
        i++;
        break;
      default:
        throw new Error(`unknown flag ${argv[i]}`);
    }
  }
  return { options, port };
}

async function main(): Promise<void> {
  const { options, port } = parseArgs(process.argv.slice(2));
  const standIn = await startStandIn(options, port);
  process.stdout.write(`${JSON.stringify({ baseUrl: standIn.baseUrl, count: standIn.options.count })}\n`);
  const stop = (): void => {
    void standIn.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.STAND_IN_EXIT_ON_STDIN_CLOSE) {
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}

void main();
