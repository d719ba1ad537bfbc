import type { Hotspot } from './cpu-profile';

/** Messages between the bench orchestrator and its fleet worker processes. */
export type WorkerCommand =
  | { cmd: 'sim-start'; bundles: unknown[]; brokerUrl?: string; spreadMs: number; mqtts?: boolean }
  | { cmd: 'sim-stop' }
  | { cmd: 'sim-restart'; spreadMs: number }
  | { cmd: 'sim-count'; noticeIds: string[] }
  | { cmd: 'sim-fault' }
  | {
      cmd: 'raw-start';
      url: string;
      ids: string[];
      spreadMs: number;
      /** On a NATS cluster: each client's certificate (same order as ids), the shared key and CA, the topics. */
      cluster?: { caPem: string; keyPem: string; certs: string[]; urls: string[] };
      /** On a cluster: clients not connected this many ms after the start stop trying (their count is reported). */
      giveUpAfterMs?: number;
    }
  | { cmd: 'raw-ingest'; bytes: number }
  | { cmd: 'raw-count' }
  | { cmd: 'raw-stop' }
  | { cmd: 'raw-close' }
  | { cmd: 'profile-start' }
  | { cmd: 'profile-stop'; file: string }
  | { cmd: 'exit' };

export type WorkerReply =
  | { ok: true; online?: number; counts?: Record<string, number>; received?: number; hotspots?: Hotspot[] }
  | { ok: false; error: string };
