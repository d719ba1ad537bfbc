/**
 * The scripted day: `npm run demo` (options: --boxes N, --zones N; --watch to follow it in a
 * browser, with --port N for the headend's HTTP port and --pace S seconds between steps).
 */
import { SingleBar, Presets } from 'cli-progress';
import { runScriptedDay } from './scripted-day';
import type { WatchInfo } from './scripted-day';

function arg(name: string, dflt: number, min = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < min) {
    console.error(`--${name} must be an integer ≥ ${min}`);
    process.exit(2);
  }
  return v;
}

const watching = process.argv.includes('--watch');
const boxes = arg('boxes', watching ? 60 : 300);
const zones = arg('zones', 4);
const port = arg('port', 8480);
const pace = arg('pace', watching ? 5 : 0, 0);
const bars = new Map<string, SingleBar>();
const started = Date.now();
const say = (line: string): void => {
  for (const b of bars.values()) b.stop();
  bars.clear();
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
};

/** Prints where to look, then waits (up to 10 minutes) for the TV to come on. */
async function watch(info: WatchInfo): Promise<void> {
  console.log(`
  Watch the day in a browser:
    the TV (box ${info.tvBoxId}, the household that pays late): ${info.tvUrl}
    the operator console: ${info.consoleUrl}  (sign in with the token ${info.operatorToken})
  On the TV: arrow keys, Enter = OK, Backspace = back, "e" = mailbox, "m" = menu.
`);
  const deadline = Date.now() + 10 * 60_000;
  say('waiting for the TV to come online (open the TV address above)…');
  while (Date.now() < deadline) {
    if ((await info.headend.stores.registry.getBox(info.tvBoxId))?.online === true) {
      say('the TV is online; the day begins');
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  say('no TV after 10 minutes; the day begins anyway');
}

const summary = await runScriptedDay({
  boxes,
  zones,
  log: say,
  progress: (label, done, total) => {
    let bar = bars.get(label);
    if (bar === undefined) {
      bar = new SingleBar(
        { format: `  ${label.padEnd(18)} [{bar}] {value}/{total}`, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(total, done);
      bars.set(label, bar);
    }
    bar.update(done);
  },
  ...(watching ? { watch, httpPort: port, keepRunning: true } : {}),
  pauseMs: pace * 1000,
});
const { headend, stop, ...figures } = summary;
console.log('\nsummary', JSON.stringify(figures, null, 2));
if (headend !== undefined && stop !== undefined) {
  console.log('\nThe headend and the fleet keep running for the TV and the console; Ctrl-C to stop.');
  process.once('SIGINT', () => {
    void stop().finally(() => process.exit(0));
  });
} else {
  process.exit(0);
}
