import type { Database } from '@edgecart/db';

/** The failure a {@link faultyDatabase} injects, so that a test can tell it from a real one. */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

/** Where the database fails: the n-th statement (from 0), or the commit of its transaction. */
export interface Fault {
  statement: number;
  /** Fail after the transaction around that statement has committed: the answer is lost, the work is done. */
  afterCommit: boolean;
}

const STATEMENTS = new Set([
  'select',
  'selectDistinct',
  'selectDistinctOn',
  'insert',
  'update',
  'delete',
  'execute',
  '$count',
  'with',
]);

/** A query builder whose query runs when awaited, and then fails. */
function failingWhenAwaited(builder: object, fail: () => never): object {
  return new Proxy(builder, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === 'then') {
        return (onValue: (v: unknown) => unknown, onError: (e: unknown) => unknown) =>
          (object as PromiseLike<unknown>).then(fail).then(onValue, onError);
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const next = value.apply(object, args);
        return next === object || (typeof next === 'object' && next !== null && 'then' in next)
          ? failingWhenAwaited(next, fail)
          : next;
      };
    },
  });
}

/**
 * The same database, failing once where `fault` says, as a dropped
 * connection would: a statement that fails never reaches the server and
 * aborts its transaction (everything in it rolls back); a failure "after
 * commit" keeps the work and loses the answer. `fired()` says whether the
 * fault has happened (a fault past the last statement never does).
 * Statements are counted where they start (`select`, `insert`, `update`,
 * `delete`, `execute`, `$count`, `with`); relational queries (`db.query.*`)
 * are not, and the money flow does not use them.
 */
export function faultyDatabase(
  db: Database,
  fault: Fault | null,
): { db: Database; fired: () => boolean } {
  let count = 0;
  let fired = false;
  let inTransaction = false;
  let failCommit = false;

  const fail = () => {
    fired = true;
    throw new InjectedFault(`injected database failure at statement ${fault?.statement}`);
  };
  const wrap = (target: Database): Database =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'transaction') {
          return async (run: (tx: Database) => Promise<unknown>, ...rest: unknown[]) => {
            // A savepoint inside the transaction: its statements count, and fail, as the rest do.
            if (inTransaction) {
              return value.call(object, (tx: Database) => run(wrap(tx)), ...rest);
            }
            inTransaction = true;
            failCommit = false;
            try {
              const result = await value.call(object, (tx: Database) => run(wrap(tx)), ...rest);
              if (failCommit) fail();
              return result;
            } finally {
              inTransaction = false;
            }
          };
        }
        if (typeof property === 'string' && STATEMENTS.has(property)) {
          return (...args: unknown[]) => {
            const index = count++;
            if (fault && !fired && index === fault.statement) {
              if (!fault.afterCommit) fail();
              if (inTransaction) failCommit = true;
              // A statement on its own commits as it runs: run it, then lose the answer.
              else return failingWhenAwaited(value.apply(object, args), fail);
            }
            return value.apply(object, args);
          };
        }
        return value.bind(object);
      },
    });
  return { db: wrap(db), fired: () => fired };
}
