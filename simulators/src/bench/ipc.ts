/** Messages between the bench orchestrator and its fleet worker processes. */
export type WorkerCommand =
  | { cmd: 'sim-start'; bundles: unknown[]; brokerUrl: string; spreadMs: number }
  | { cmd: 'sim-stop' }
  | { cmd: 'sim-restart'; spreadMs: number }
  | { cmd: 'sim-count'; noticeIds: string[] }
  | { cmd: 'sim-fault' }
  | { cmd: 'raw-start'; url: string; ids: string[]; spreadMs: number }
  | { cmd: 'raw-ingest'; bytes: number }
  | { cmd: 'raw-count' }
  | { cmd: 'raw-stop' }
  | { cmd: 'raw-close' }
  | { cmd: 'exit' };

export type WorkerReply =
  { ok: true; online?: number; counts?: Record<string, number>; received?: number } | { ok: false; error: string };
