/**
 * The scripted day: `npm run demo` (options: --boxes N, --zones N).
 */
import { SingleBar, Presets } from 'cli-progress';
import { runScriptedDay } from './scripted-day';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return v;
}

const boxes = arg('boxes', 300);
const zones = arg('zones', 4);
const bars = new Map<string, SingleBar>();
const started = Date.now();
const summary = await runScriptedDay({
  boxes,
  zones,
  log: (line) => {
    for (const b of bars.values()) b.stop();
    bars.clear();
    console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  },
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
});
console.log('\nsummary', JSON.stringify(summary, null, 2));
process.exit(0);
