#!/usr/bin/env node
// The stb-notify command. The headend runs its TypeScript through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
