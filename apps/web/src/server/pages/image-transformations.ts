import 'server-only';
import { env } from '~/env';

/** Whether the shop's zone serves photos in responsive sizes (`/cdn-cgi/image/`). */
export function imageTransformations(): boolean {
  return env.IMAGE_TRANSFORMATIONS === 'cloudflare';
}
