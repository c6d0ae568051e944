/**
 * Workers Analytics Engine's SQL (a ClickHouse dialect) rewritten for
 * PostgreSQL, for the stand-in: the functions Edgecart's dashboard and alerts
 * use, spelled as Cloudflare documents them. Anything else is passed through,
 * and PostgreSQL refuses what it does not know, as the real API refuses what
 * it does not support. Only SELECT and SHOW TABLES: the API is read-only.
 */

type Token =
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'punct'; text: string }
  | { kind: 'space'; text: ' ' };

export class AnalyticsSqlError extends Error {}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const space = /^(\s+|--[^\n]*)/.exec(rest);
    if (space) {
      if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space', text: ' ' });
      i += space[0].length;
      continue;
    }
    const string = /^'(?:[^'\\]|''|\\.)*'/.exec(rest);
    if (string) {
      tokens.push({ kind: 'string', text: string[0] });
      i += string[0].length;
      continue;
    }
    const quoted = /^("[^"]*"|`[^`]*`)/.exec(rest);
    if (quoted) {
      tokens.push({ kind: 'quoted', text: quoted[0].slice(1, -1) });
      i += quoted[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    const punct = /^(>=|<=|!=|<>|\|\||::|[-+*/%(),.<>=])/.exec(rest);
    if (punct) {
      tokens.push({ kind: 'punct', text: punct[0] });
      i += punct[0].length;
      continue;
    }
    throw new AnalyticsSqlError(`unexpected character ${JSON.stringify(sql[i])}`);
  }
  return tokens;
}

const COLUMNS = new Set([
  'dataset',
  'timestamp',
  '_sample_interval',
  'index1',
  ...Array.from({ length: 20 }, (_, i) => `blob${i + 1}`),
  ...Array.from({ length: 20 }, (_, i) => `double${i + 1}`),
]);

const UNITS = new Set(['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']);

/** A table name the stand-in accepts: the dataset names wrangler.jsonc may bind. */
export const DATASET_NAME = /^[A-Za-z0-9_]{1,64}$/;

class Rewriter {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    let seen = 0;
    for (let j = this.i; j < this.tokens.length; j++) {
      const token = this.tokens[j];
      if (token?.kind === 'space') continue;
      if (seen === offset) return token;
      seen++;
    }
    return undefined;
  }

  private skipSpace(): void {
    while (this.tokens[this.i]?.kind === 'space') this.i++;
  }

  /** The expression up to a `,` or `)` at this depth (or the end), rewritten. */
  private expression(): string {
    let out = '';
    let depth = 0;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i] as Token;
      if (token.kind === 'punct' && depth === 0 && (token.text === ',' || token.text === ')')) {
        break;
      }
      if (token.kind === 'punct' && token.text === '(') depth++;
      if (token.kind === 'punct' && token.text === ')') depth--;
      out += this.token();
    }
    return out.trim();
  }

  /** `(a, b, …)` at the cursor: each argument rewritten. */
  private args(): string[] {
    this.skipSpace();
    this.expect('(');
    const list: string[] = [];
    this.skipSpace();
    if (this.tokens[this.i]?.text === ')') {
      this.i++;
      return list;
    }
    for (;;) {
      list.push(this.expression());
      const next = this.tokens[this.i];
      this.i++;
      if (next?.text === ')') return list;
      if (next?.text !== ',') throw new AnalyticsSqlError('unbalanced parentheses');
    }
  }

  private expect(text: string): void {
    this.skipSpace();
    if (this.tokens[this.i]?.text !== text) {
      throw new AnalyticsSqlError(
        `expected ${text} near ${this.tokens[this.i]?.text ?? 'the end'}`,
      );
    }
    this.i++;
  }

  private arity(name: string, list: string[], count: number): void {
    if (list.length !== count) {
      throw new AnalyticsSqlError(`${name} takes ${count} arguments, got ${list.length}`);
    }
  }

  private weighted(name: string, weight: string | undefined): void {
    // The stand-in never samples: every row stands for itself, so the weights are all 1.
    if (weight !== '"_sample_interval"') {
      throw new AnalyticsSqlError(`${name}: the stand-in weighs by _sample_interval only`);
    }
  }

  private call(name: string): string {
    const lower = name.toLowerCase();
    const list = this.args();
    switch (lower) {
      case 'count':
        if (list.length === 0) return 'count(*)';
        return `count(${list.join(', ')})`;
      case 'countif':
        this.arity(name, list, 1);
        return `count(*) FILTER (WHERE ${list[0]})`;
      case 'sumif':
        this.arity(name, list, 2);
        return `coalesce(sum(${list[0]}) FILTER (WHERE ${list[1]}), 0)`;
      case 'avgif':
        this.arity(name, list, 2);
        return `avg(${list[0]}) FILTER (WHERE ${list[1]})`;
      case 'quantileweighted': {
        this.arity(name, list, 3);
        this.weighted(name, list[2]);
        return `percentile_disc(${list[0]}) WITHIN GROUP (ORDER BY ${list[1]})`;
      }
      case 'quantileexactweighted': {
        // quantileExactWeighted(q)(column, weight): a level, then the arguments.
        this.arity(name, list, 1);
        const inner = this.args();
        this.arity(name, inner, 2);
        this.weighted(name, inner[1]);
        return `percentile_disc(${list[0]}) WITHIN GROUP (ORDER BY ${inner[0]})`;
      }
      case 'tostartofinterval': {
        this.arity(name, list, 2);
        const interval = /^INTERVAL\s+'(\d+)'\s+([A-Za-z]+)$/i.exec(list[1] ?? '');
        if (!interval || !UNITS.has((interval[2] ?? '').toUpperCase())) {
          throw new AnalyticsSqlError(`${name}: expected INTERVAL '<n>' <unit>, got ${list[1]}`);
        }
        return `date_bin(INTERVAL '${interval[1]} ${interval[2]}', ${list[0]}, TIMESTAMPTZ '1970-01-01 00:00:00+00')`;
      }
      case 'if':
        this.arity(name, list, 3);
        return `(CASE WHEN ${list[0]} THEN ${list[1]} ELSE ${list[2]} END)`;
      case 'intdiv':
        this.arity(name, list, 2);
        return `div(${list[0]}, ${list[1]})`;
      case 'todatetime':
        this.arity(name, list, 1);
        return /^\d+$/.test(list[0] ?? '')
          ? `to_timestamp(${list[0]})`
          : `CAST(${list[0]} AS timestamptz)`;
      case 'tounixtimestamp':
        this.arity(name, list, 1);
        return `extract(epoch from ${list[0]})::bigint`;
      default:
        return `${lower}(${list.join(', ')})`;
    }
  }

  private token(): string {
    const token = this.tokens[this.i] as Token;
    this.i++;
    switch (token.kind) {
      case 'space':
      case 'number':
      case 'string':
      case 'punct':
        return token.text;
      case 'quoted':
        return `"${token.text.replaceAll('"', '""')}"`;
      case 'word': {
        if (this.peek()?.text === '(') return this.call(token.text);
        if (COLUMNS.has(token.text)) return `"${token.text}"`;
        return token.text;
      }
    }
  }

  rewrite(): string {
    let out = '';
    while (this.i < this.tokens.length) out += this.token();
    return out.trim();
  }
}

export type AnalyticsStatement =
  | { kind: 'show-tables' }
  | { kind: 'select'; sql: string; tables: string[] };

/** Reads one statement of the API's dialect; throws AnalyticsSqlError for what it refuses. */
export function parseAnalyticsSql(text: string): AnalyticsStatement {
  let tokens = tokenize(text.trim()).filter(
    (t, i, all) => !(t.kind === 'space' && i === all.length - 1),
  );
  const words = tokens.filter((t) => t.kind !== 'space');
  // FORMAT JSON at the end: the only format the stand-in writes.
  const last = words.at(-1);
  const beforeLast = words.at(-2);
  if (beforeLast?.kind === 'word' && beforeLast.text.toUpperCase() === 'FORMAT') {
    if (last?.text.toUpperCase() !== 'JSON') {
      throw new AnalyticsSqlError(`the stand-in answers FORMAT JSON only, not ${last?.text}`);
    }
    tokens = tokens.slice(0, tokens.lastIndexOf(beforeLast));
  }
  const first = words[0]?.text.toUpperCase();
  if (first === 'SHOW' && words[1]?.text.toUpperCase() === 'TABLES') return { kind: 'show-tables' };
  if (first !== 'SELECT') throw new AnalyticsSqlError('only SELECT and SHOW TABLES are supported');
  const tables = words.flatMap((t, i) => {
    const next = words[i + 1];
    return t.kind === 'word' && t.text.toUpperCase() === 'FROM' && next && next.text !== '('
      ? [next.text]
      : [];
  });
  for (const table of tables) {
    if (!DATASET_NAME.test(table)) throw new AnalyticsSqlError(`unknown table ${table}`);
  }
  return { kind: 'select', sql: new Rewriter(tokens).rewrite(), tables };
}
