import type { Stores } from '../../src/ports/store';

/** Opens a fresh, empty set of stores for one test. */
export type StoresFactory = () => Promise<Stores>;
