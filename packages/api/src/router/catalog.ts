import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.ts';
import { bySlugInput, listCollectionsInput, listProductsInput } from './catalog.schema.ts';

export const catalogRouter = {
  products: publicProcedure
    .input(listProductsInput)
    .query(({ ctx, input }) => ctx.catalog.listProducts(input)),
  product: publicProcedure
    .input(bySlugInput)
    .query(({ ctx, input }) => ctx.catalog.getProductBySlug(input.slug)),
  collections: publicProcedure
    .input(listCollectionsInput)
    .query(({ ctx, input }) => ctx.catalog.listCollections(input ?? {})),
  collection: publicProcedure
    .input(bySlugInput)
    .query(({ ctx, input }) => ctx.catalog.getCollectionBySlug(input.slug)),
} satisfies TRPCRouterRecord;
