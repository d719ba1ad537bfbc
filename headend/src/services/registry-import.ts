import { isTopicId, isValidId } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import { parseCsv } from '../domain/csv';
import { HeadendError } from '../errors';
import type { BoxInput, Zone } from '../ports/registry-store';
import { HEADEND_IDENTITY } from '../pki/data-dir';
import type { Stores } from '../ports/store';

export interface RegistryImport {
  readonly zones?: ReadonlyArray<Zone>;
  readonly accounts?: ReadonlyArray<{ id: string; name: string }>;
  readonly boxes?: ReadonlyArray<BoxInput & { accountName?: string }>;
}

export interface ImportResult {
  readonly zones: number;
  readonly accounts: number;
  readonly boxes: number;
}

/** CSV column names for each kind of row. */
const CSV_COLUMNS = {
  zones: ['id', 'name', 'type', 'maintainer'],
  accounts: ['id', 'name'],
  boxes: ['id', 'account_id', 'zone_id'],
} as const;

export type CsvKind = keyof typeof CSV_COLUMNS;

/** Converts a CSV document of one kind into an import; errors name the line. */
export function importFromCsv(kind: CsvKind, text: string): RegistryImport {
  const rows = parseCsv(text);
  const missing = CSV_COLUMNS[kind].filter((c) => rows.length > 0 && !(c in (rows[0] ?? {})));
  if (missing.length > 0) throw new HeadendError('BAD_CSV', `${kind} CSV lacks columns: ${missing.join(', ')}`);
  switch (kind) {
    case 'zones':
      return {
        zones: rows.map((r) => ({
          id: r.id ?? '',
          name: r.name ?? '',
          type: r.type as Zone['type'],
          maintainer: r.maintainer ?? '',
        })),
      };
    case 'accounts':
      return { accounts: rows.map((r) => ({ id: r.id ?? '', name: r.name ?? '' })) };
    case 'boxes':
      return {
        boxes: rows.map((r) => ({
          id: r.id ?? '',
          accountId: r.account_id ?? '',
          zoneId: r.zone_id ?? '',
          model: r.model ?? '',
          firmware: r.firmware ?? '',
          accountName: r.account_name ?? '',
        })),
      };
  }
}

/**
 * Bulk registry import: every row is checked first and nothing is written when any row is
 * wrong (the error lists up to 20 problems). Accounts named only by boxes are created.
 */
export async function importRegistry(
  stores: Stores,
  data: RegistryImport,
  actor: string,
  clock: Clock,
): Promise<ImportResult> {
  const problems: string[] = [];
  const zones = data.zones ?? [];
  const accounts = [...(data.accounts ?? [])];
  const boxes = data.boxes ?? [];
  zones.forEach((z, i) => {
    if (!isTopicId(z.id))
      problems.push(`zones[${i}].id: invalid zone id ${JSON.stringify(z.id)} (1-64 of A-Z a-z 0-9 _ - :)`);
    if (z.type !== 'urban' && z.type !== 'township' && z.type !== 'rural')
      problems.push(`zones[${i}].type: must be urban, township or rural (Z1, T7)`);
    if (!z.name) problems.push(`zones[${i}].name: required`);
    if (!z.maintainer) problems.push(`zones[${i}].maintainer: required (Z1)`);
  });
  accounts.forEach((a, i) => {
    if (!isValidId(a.id)) problems.push(`accounts[${i}].id: invalid id ${JSON.stringify(a.id)}`);
  });
  const stored = new Map((await stores.registry.listZones()).map((z) => [z.id, z]));
  zones.forEach((z, i) => {
    // Z4: a zone's maintainer is published on its boxes; changing it is its own operation.
    const before = stored.get(z.id);
    if (before !== undefined && before.maintainer !== z.maintainer)
      problems.push(
        `zones[${i}].maintainer: changes with PUT /api/v1/zones/${z.id}/maintainer (Z4: the boxes are told)`,
      );
  });
  const knownZones = new Set([...zones.map((z) => z.id), ...stored.keys()]);
  const knownAccounts = new Set(accounts.map((a) => a.id));
  for (const [i, b] of boxes.entries()) {
    if (!isTopicId(b.id))
      problems.push(`boxes[${i}].id: invalid box id ${JSON.stringify(b.id)} (1-64 of A-Z a-z 0-9 _ - :)`);
    // The broker ACL grants this user name the headend's topics (external broker mode).
    if (b.id === HEADEND_IDENTITY) problems.push(`boxes[${i}].id: ${HEADEND_IDENTITY} is reserved for the headend`);
    if (!isValidId(b.accountId)) problems.push(`boxes[${i}].accountId: invalid id ${JSON.stringify(b.accountId)}`);
    if (!knownZones.has(b.zoneId)) problems.push(`boxes[${i}].zoneId: unknown zone ${JSON.stringify(b.zoneId)}`);
    if (
      isValidId(b.accountId) &&
      !knownAccounts.has(b.accountId) &&
      (await stores.registry.getAccount(b.accountId)) === undefined
    ) {
      accounts.push({ id: b.accountId, name: b.accountName || b.accountId });
      knownAccounts.add(b.accountId);
    }
  }
  if (problems.length > 0) {
    throw new HeadendError('VALIDATION', `import refused, nothing written: ${problems.length} problem(s)`, {
      problems: problems.slice(0, 20),
    });
  }
  await stores.registry.upsertZones(zones);
  await stores.registry.upsertAccounts(accounts);
  await stores.registry.upsertBoxes(
    boxes.map((b) => ({
      id: b.id,
      accountId: b.accountId,
      zoneId: b.zoneId,
      model: b.model ?? '',
      firmware: b.firmware ?? '',
    })),
  );
  const result = { zones: zones.length, accounts: accounts.length, boxes: boxes.length };
  await stores.audit.append({
    atMs: clock.now(),
    actor,
    action: 'registry.imported',
    subject: 'registry',
    detail: { ...result },
  });
  return result;
}
