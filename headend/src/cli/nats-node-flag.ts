import type { NatsNode } from '../broker/nats-config';
import { HeadendError } from '../errors';

/** `--node name:host:client:mqtt:route:monitor` → a cluster node; a coded error names what is wrong. */
export function parseNatsNode(flag: string): NatsNode {
  const parts = flag.split(':');
  const [name = '', host = '', ...ports] = parts;
  if (parts.length !== 6 || !/^[A-Za-z0-9_-]{1,32}$/.test(name) || !/^[A-Za-z0-9.-]{1,253}$/.test(host))
    throw new HeadendError(
      'VALIDATION',
      `--node: name:host:client:mqtt:route:monitor (e.g. n1:10.0.0.1:4222:8883:6222:8222), got ${JSON.stringify(flag)}`,
    );
  const nums = ports.map((p) => (/^\d{1,5}$/.test(p) ? Number(p) : NaN));
  if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 65535) || new Set(nums).size !== 4)
    throw new HeadendError('VALIDATION', `--node ${name}: four different ports, each 1-65535, got ${ports.join(':')}`);
  const [clientPort = 0, mqttPort = 0, routePort = 0, monitorPort = 0] = nums;
  return { name, host, clientPort, mqttPort, routePort, monitorPort };
}
