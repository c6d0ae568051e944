import {
  getCollectionBySlug,
  getProductBySlug,
  listCollections,
  listProducts,
} from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.ts';
import { bySlugInput, listCollectionsInput, listProductsInput } from './catalog.schema.ts';

export const catalogRouter = {
  products: publicProcedure
    .input(listProductsInput)
    .query(({ ctx, input }) => listProducts(ctx.db, input)),
  product: publicProcedure
    .input(bySlugInput)
    .query(({ ctx, input }) => getProductBySlug(ctx.db, input.slug)),
  collections: publicProcedure
    .input(listCollectionsInput)
    .query(({ ctx, input }) => listCollections(ctx.db, input ?? {})),
  collection: publicProcedure
    .input(bySlugInput)
    .query(({ ctx, input }) => getCollectionBySlug(ctx.db, input.slug)),
} satisfies TRPCRouterRecord;
