import { execFileSync } from 'node:child_process';

/** The browser tests load the built apps from the headend (/tv/, /console/): build them first (~1 s). */
export default function setup(): void {
  execFileSync(process.execPath, ['stb-app/scripts/build.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['console/scripts/build.mjs'], { stdio: 'inherit' });
}
