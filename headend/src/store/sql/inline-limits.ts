import { LimitNode, OffsetNode, SelectQueryNode, ValueNode } from 'kysely';
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import type { PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';

/** An integer parameter of LIMIT or OFFSET, as a literal; anything else as it was. */
function literal(node: OperationNode): OperationNode {
  if (!ValueNode.is(node) || node.immediate === true) return node;
  const v = node.value;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? ValueNode.createImmediate(v) : node;
}

/**
 * Writes a top-level SELECT's LIMIT and OFFSET as literals instead of parameters. SQLite
 * compiles a statement whose LIMIT is a parameter again at every run (its plan may depend on
 * the value): `select * from tickets where fault_key = ? … limit ?` took 28 µs instead of 5,
 * a sixth of a fault report's store time (issue 19). The few values used (1, page sizes) each
 * get their own prepared statement. Only the root node is looked at, so other queries pay
 * nothing for it. PostgreSQL gets it too, so that a query has the same parameters on both
 * engines (compiledOnce checks them).
 */
export class InlineLimits implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const n = args.node;
    if (!SelectQueryNode.is(n) || (n.limit === undefined && n.offset === undefined)) return n;
    return {
      ...n,
      ...(n.limit === undefined ? {} : { limit: LimitNode.create(literal(n.limit.limit)) }),
      ...(n.offset === undefined ? {} : { offset: OffsetNode.create(literal(n.offset.offset)) }),
    };
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
