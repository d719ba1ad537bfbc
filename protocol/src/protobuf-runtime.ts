import $protobuf from 'protobufjs/minimal.js';

/**
 * Make 64-bit fields plain numbers on every side. All our int64 values are milliseconds or
 * minor currency units, far below 2^53. Without this, protobufjs decodes them as Long
 * objects whenever the `long` package happens to be resolvable, so Node and a box's
 * bundle would see different types. Must run before the generated code loads (messages.ts
 * imports this module first).
 */
$protobuf.util.Long = null as unknown as typeof $protobuf.util.Long;
$protobuf.configure();
