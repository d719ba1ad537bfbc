/**
 * The message broker as the headend sees it: publish downlink, receive every box's uplink,
 * learn when boxes come and go. EmbeddedAedesBroker runs the broker in-process;
 * an external-broker adapter (scale-out) connects to Mosquitto/EMQX as a client.
 */
export interface Broker {
  /** Publishes with QoS 1; resolves when the broker has taken the message. */
  publish(topic: string, payload: Uint8Array, opts?: { readonly retain?: boolean }): Promise<void>;
  /**
   * Called for every message a box publishes (already authorised by the access rule). The
   * handler resolves true once the message is handled and stored, false when it failed (the
   * broker adapters log it; recovery is end to end: boxes resend unanswered reports).
   */
  onUplink(handler: (topic: string, payload: Uint8Array) => Promise<boolean>): void;
  /** Called when a box connects or disconnects (embedded broker only; external ones rely on hello). */
  onPresence(handler: (boxId: string, online: boolean) => void): void;
  /**
   * The downlink payloads the box's current connection has acknowledged since it connected, and
   * those its session still holds for it (embedded broker only): what its hello need not send
   * again (issue 19). Asked once per connection.
   */
  keptFor?(boxId: string): Promise<readonly Uint8Array[]>;
  /** Boxes connected right now; undefined when the broker does not tell (external brokers). */
  connectedBoxes(): number | undefined;
  /**
   * The registry's boxes or certificates changed (an import, a provisioning). A broker that keeps
   * its own list of box users (a NATS cluster) rewrites it and has its nodes reload it.
   */
  registryChanged?(): Promise<void>;
  close(): Promise<void>;
}
