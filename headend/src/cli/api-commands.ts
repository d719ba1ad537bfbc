import { existsSync, readFileSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import { HeadendError } from '../errors';
import type { ImportCounts, KeyRotation, NoticeStatus } from '../http/responses/api-types';
import { callApi } from './api-client';

/** Commands that talk to a running headend through its HTTP API (a token, not the data directory). */
function apiOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'headend base URL', process.env.STB_NOTIFY_URL ?? 'http://127.0.0.1:8480')
    .option('--token <token>', 'API token (or STB_NOTIFY_TOKEN, or <data-dir>/operator-token)');
}

function apiToken(o: { token?: string }): string {
  const t =
    o.token ??
    process.env.STB_NOTIFY_TOKEN ??
    (existsSync('.data/operator-token') ? readFileSync('.data/operator-token', 'utf8').trim() : '');
  if (t === '') throw new HeadendError('UNAUTHENTICATED', 'no API token: pass --token or set STB_NOTIFY_TOKEN');
  return t;
}

export function registerApiCommands(program: Command): void {
  const keys = program.command('keys').description('notice-signing keys');
  apiOptions(
    keys
      .command('rotate')
      .description('rotate the notice-signing key on a running headend; boxes are sent the new key set'),
  ).action(async (o: { url: string; token?: string }) => {
    const r = await callApi<KeyRotation>(o.url, apiToken(o), 'POST', '/api/v1/keys/rotate');
    console.log(`now signing with ${r.activeKeyId}`);
  });

  apiOptions(
    program.command('import').description('bulk-import the registry from a JSON ({zones,accounts,boxes}) or CSV file'),
  )
    .argument('<file>', 'JSON, or CSV with --kind')
    .addOption(new Option('--kind <kind>', 'what the CSV holds').choices(['zones', 'accounts', 'boxes']))
    .action(async (file: string, o: { url: string; token?: string; kind?: string }) => {
      const text = readFileSync(file, 'utf8');
      const tok = apiToken(o);
      if (o.kind !== undefined) {
        const res = await fetch(new URL(`/api/v1/registry/import/${o.kind}`, o.url), {
          method: 'POST',
          headers: { authorization: `Bearer ${tok}`, 'content-type': 'text/csv' },
          body: text,
        });
        console.log(res.status, await res.text());
        if (!res.ok) process.exitCode = 1;
        return;
      }
      console.log(
        await callApi<ImportCounts>(o.url, tok, 'POST', '/api/v1/registry/import', JSON.parse(text) as unknown),
      );
    });

  const notice = program.command('notice').description('notices');
  apiOptions(
    notice
      .command('send')
      .description(
        'send an announcement (N5); an outage notice made by hand needs a supervisor: POST /api/v1/outages (N4)',
      ),
  )
    .option('--zone <zoneId...>', 'target zones (default: all boxes)')
    .option('--box <boxId...>', 'target boxes')
    .requiredOption('--title <zh>', 'Chinese title')
    .option('--body <zh>', 'Chinese text', '')
    .option('--title-en <en>', 'English title')
    .option('--body-en <en>', 'English text', '')
    .action(
      async (o: {
        url: string;
        token?: string;
        zone?: string[];
        box?: string[];
        title: string;
        body: string;
        titleEn?: string;
        bodyEn: string;
      }) => {
        const target = o.box
          ? { type: 'boxes', boxIds: o.box }
          : o.zone
            ? { type: 'zones', zoneIds: o.zone }
            : { type: 'all' };
        const texts = [
          { lang: 'zh-CN', title: o.title, body: o.body },
          ...(o.titleEn ? [{ lang: 'en', title: o.titleEn, body: o.bodyEn }] : []),
        ];
        const r = await callApi<NoticeStatus>(o.url, apiToken(o), 'POST', '/api/v1/notices', {
          kind: 'ANNOUNCEMENT',
          target,
          texts,
        });
        console.log(JSON.stringify(r, null, 2));
      },
    );
}
