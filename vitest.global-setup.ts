import { execFileSync } from 'node:child_process';

/** The box app's end-to-end tests load the built bundle from the headend's /tv/: build it first (~0.5 s). */
export default function setup(): void {
  execFileSync(process.execPath, ['stb-app/scripts/build.mjs'], { stdio: 'inherit' });
}
