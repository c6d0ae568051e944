import { appendFileSync } from 'node:fs';

/**
 * What a deploy script tells GitHub Actions, through its workflow commands and
 * files; outside Actions (the rehearsal, a person's shell) plain log lines.
 */
export function actions(env: NodeJS.ProcessEnv = process.env) {
  const inActions = env.GITHUB_ACTIONS === 'true';
  return {
    /** Hides a value from every later line of the job's log. */
    mask(value: string): void {
      if (inActions && value) console.log(`::add-mask::${value}`);
    },
    /** A step output for later steps (`steps.<id>.outputs.<name>`). */
    output(name: string, value: string): void {
      if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
    },
    summary(markdown: string): void {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
    },
    notice(message: string): void {
      console.log(inActions ? `::notice::${message}` : message);
    },
    error(message: string): void {
      console.error(inActions ? `::error::${message}` : `error: ${message}`);
    },
  };
}

/** A connection string's password, masked along with the whole string. */
export function maskConnectionString(url: string, mask: (value: string) => void): void {
  mask(url);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) mask(password);
  } catch {}
}
