/** True inside Cloudflare's workerd, where the app runs as a Worker. */
export const inWorker =
  typeof navigator !== 'undefined' && navigator.userAgent === 'Cloudflare-Workers';
