import pg from 'pg';

export interface ConnectionGauge {
  /** Client connections the server has now, this gauge's own not counted. */
  count: () => Promise<number>;
  close: () => Promise<void>;
}

/** Watches how many client connections a PostgreSQL server holds (pg_stat_activity). */
export async function watchConnections(connectionString: string): Promise<ConnectionGauge> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  return {
    count: async () => {
      const result = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      return result.rows[0]?.n ?? 0;
    },
    close: () => client.end().catch(() => {}),
  };
}
