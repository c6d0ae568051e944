import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.url().optional(),
  NEON_LOCAL_PROXY: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'NEON_LOCAL_PROXY is host:port')
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default('../../.data/pglite'),
});

export type DbEnv = z.infer<typeof schema>;

/** The database package's settings, for its scripts (the web app has its own env.ts). */
export function readDbEnv(source: Record<string, string | undefined>): DbEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success)
    throw new Error(`Invalid database settings:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
