import 'server-only';
import { cache } from 'react';
import { getApi } from './api.ts';

/**
 * Every collection, read once per request: the header's navigation, the
 * listing's filter and the home page's featured rows share one query.
 */
export const getCollections = cache(async () => (await getApi()).catalog.collections());
