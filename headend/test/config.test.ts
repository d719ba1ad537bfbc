import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, printableConfig } from '../src/config/load-config';
import { postgresUrl } from '../src/store/open-stores';

describe('configuration: flags > environment > file > defaults, validated with clear errors', () => {
  it('defaults do not clash with a standard MQTT broker (no 1883/8883)', () => {
    const c = loadConfig();
    expect([1883, 8883]).not.toContain(c.mqtts.port);
    expect(c.rules.feeReminderDaysBefore).toEqual([7, 3, 1]);
    expect(c.database).toBe(join(c.dataDir, 'headend.db'));
  });

  it('file, environment and flags override in that order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(
      file,
      JSON.stringify({ http: { port: 9001 }, hotline: '12345', rules: { feeReminderDaysBefore: [5] } }),
    );
    const c = loadConfig({ file, env: { STB_NOTIFY_HTTP_PORT: '9002' }, flags: {} });
    expect(c.http.port).toBe(9002);
    expect(c.hotline).toBe('12345');
    expect(c.rules.feeReminderDaysBefore).toEqual([5]);
    expect(c.rules.suspensionNoticeHours).toBe(24);
    expect(loadConfig({ file, env: { STB_NOTIFY_HTTP_PORT: '9002' }, flags: { 'http.port': '9003' } }).http.port).toBe(
      9003,
    );
  });

  it('every problem is listed, and the rules cannot be configured below the regulations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(
      file,
      JSON.stringify({
        rules: { suspensionNoticeHours: 12, maintenanceLeadHours: 24, restoreDeadlineHours: 48 },
        typo: 1,
      }),
    );
    try {
      loadConfig({ file, env: { STB_NOTIFY_HTTP_PORT: 'eighty' } });
      expect.unreachable();
    } catch (err) {
      const e = err as { code: string; details: { errors: string[] } };
      expect(e.code).toBe('CONFIG_INVALID');
      const text = e.details.errors.join('\n');
      for (const key of [
        'typo: unknown setting',
        'http.port',
        'suspensionNoticeHours',
        'maintenanceLeadHours',
        'restoreDeadlineHours',
      ]) {
        expect(text).toContain(key);
      }
    }
  });

  it('a NATS cluster (issue 21) needs its MQTT endpoints; a list of brokers needs a NATS cluster', () => {
    const nats = 'tls://10.0.0.1:4222,tls://10.0.0.2:4222';
    expect(() => loadConfig({ env: { STB_NOTIFY_BROKER_NATS: nats } })).toThrow(/broker\.nats: needs broker\.url/);
    expect(() => loadConfig({ env: { STB_NOTIFY_BROKER_URL: 'mqtts://a:8883,mqtts://b:8883' } })).toThrow(
      /broker\.url: a list of brokers only with broker\.nats/,
    );
    expect(() =>
      loadConfig({ env: { STB_NOTIFY_BROKER_NATS: 'nats://a:4222', STB_NOTIFY_BROKER_URL: 'mqtts://a:1' } }),
    ).toThrow(/broker\.nats/);
    // The users file the headend keeps in step with the registry belongs to a NATS cluster.
    expect(() => loadConfig({ env: { STB_NOTIFY_BROKER_NATS_USERS_FILE: '/etc/nats/users.conf' } })).toThrow(
      /broker\.natsUsersFile, broker\.natsPidFiles: only with broker\.nats/,
    );
    expect(() =>
      loadConfig({
        env: {
          STB_NOTIFY_BROKER_NATS: nats,
          STB_NOTIFY_BROKER_URL: 'mqtts://10.0.0.1:8883',
          STB_NOTIFY_BROKER_NATS_PID_FILES: '/run/n1.pid',
        },
      }),
    ).toThrow(/broker\.natsPidFiles: needs broker\.natsUsersFile/);
    const c = loadConfig({
      env: {
        STB_NOTIFY_BROKER_NATS: nats,
        STB_NOTIFY_BROKER_URL: 'mqtts://10.0.0.1:8883,mqtts://10.0.0.2:8883',
        STB_NOTIFY_BROKER_REDELIVER_SECONDS: '5',
      },
    });
    expect(c.broker).toMatchObject({
      nats,
      boxUrl: 'mqtts://10.0.0.1:8883,mqtts://10.0.0.2:8883',
      redeliverAfterSeconds: 5,
    });
  });

  it('a config file that is not JSON is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, 'port = 1');
    expect(() => loadConfig({ file })).toThrow(/config file .*c\.json/);
  });
});

describe('configuration: one schema, closed at every level (issue 20)', () => {
  it('a misspelt key at any depth is refused with its path; a valid file passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(
      file,
      JSON.stringify({
        http: { prot: 9000 },
        rules: { suspensionNoticeHour: 24 },
        tickets: { correlation: { windowMinute: 5 }, calendar: { holiday: ['2027-01-01'] } },
      }),
    );
    let errors: string[] = [];
    try {
      loadConfig({ file });
    } catch (err) {
      errors = (err as { details: { errors: string[] } }).details.errors;
    }
    expect(errors).toEqual(
      expect.arrayContaining([
        'http.prot: unknown setting',
        'rules.suspensionNoticeHour: unknown setting',
        'tickets.correlation.windowMinute: unknown setting',
        'tickets.calendar.holiday: unknown setting',
      ]),
    );
    expect(errors).toHaveLength(4);
    writeFileSync(file, JSON.stringify({ http: { port: 9000 }, tickets: { calendar: { holidays: ['2027-01-01'] } } }));
    const c = loadConfig({ file });
    expect(c.http.port).toBe(9000);
    expect(c.tickets.calendar.holidays).toEqual(['2027-01-01']);
    expect(c.tickets.correlation.minBoxes).toBe(5); // defaults fill in beside what the file sets
  });

  it('a refused value says what it must be and which rule it protects', () => {
    expect(() => loadConfig({ flags: { 'rules.suspensionNoticeHours': '12' } })).toThrow(
      'rules.suspensionNoticeHours: must be at least 24 (N2: 24 h notice before suspension), got 12',
    );
    expect(() => loadConfig({ flags: { 'tickets.calendar.holidays': ['1 May'] } })).toThrow(
      'tickets.calendar.holidays.0: must be YYYY-MM-DD, got "1 May"',
    );
  });
});

describe('configuration: text from the environment becomes each setting’s type', () => {
  it('a hotline or an instance made of digits stays text; a port becomes a number', () => {
    const c = loadConfig({
      env: { STB_NOTIFY_HOTLINE: '96956', STB_NOTIFY_INSTANCE: '2', STB_NOTIFY_HTTP_PORT: '9002' },
    });
    expect(c.hotline).toBe('96956');
    expect(c.broker.instance).toBe('2');
    expect(c.http.port).toBe(9002);
  });

  it('config print masks a database password wherever the URL carries it', () => {
    const printed = (database: string) => printableConfig(loadConfig({ flags: { database } })).database;
    expect(printed('postgres://stb:s3cret@db:5432/stb?schema=h1')).toBe('postgres://stb:***@db:5432/stb?schema=h1');
    expect(printed('postgres://stb:p@ss@db/stb')).not.toContain('ss@');
    expect(printed('postgres://db/stb?password=s3cret&sslpassword=k3y')).toBe(
      'postgres://db/stb?password=***&sslpassword=***',
    );
    expect(printed('postgres://:s3cret@db/stb')).not.toContain('s3cret');
  });
});

describe('configuration: the database URL’s own parameters', () => {
  it('schema and statement_timeout_ms are taken out of the URL; a limit out of 1 s–1 h is a coded error', () => {
    expect(postgresUrl('postgres://stb@db:5432/stb?schema=h1&statement_timeout_ms=5000&sslmode=require')).toEqual({
      url: 'postgres://stb@db:5432/stb?sslmode=require',
      schema: 'h1',
      statementTimeoutMs: 5000,
    });
    expect(postgresUrl('postgres://stb@db/stb')).toEqual({ url: 'postgres://stb@db/stb' });
    for (const bad of ['0', '999', '3600001', 'abc', '1e4', ''])
      expect(() => postgresUrl(`postgres://db/stb?statement_timeout_ms=${bad}`)).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
  });
});
