import {
  type AdminDeps,
  adjustStock,
  adminGetOrder,
  adminGetProduct,
  adminImageChoices,
  adminListOrders,
  adminListProducts,
  adminOverview,
  announceCatalogChange,
  applyCatalogImport,
  type CatalogImportDeps,
  cancelPaidOrder,
  checkCatalogImport,
  deleteShippingZone,
  exportCatalogCsv,
  getCatalogImport,
  getPromotion,
  getShopSettings,
  InvalidInputError,
  listCatalogImports,
  listPromotions,
  listShippingZones,
  type MediaBucket,
  markDelivered,
  metricsDashboard,
  openAlertIncidents,
  promotionTargetChoices,
  refundOrder,
  removeProduct,
  saveProduct,
  savePromotion,
  saveShippingRate,
  saveShippingZone,
  saveShopSettings,
  setPromotionStatus,
  shipOrder,
  startCatalogImport,
  UnavailableError,
  uploadPhotos,
} from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import { enforceLimit } from '../middlewares/rate-limit.ts';
import { adminProcedure } from '../trpc.ts';
import {
  adjustStockInput,
  byIdInput,
  cancelOrderInput,
  checkImportInput,
  listOrdersAdminInput,
  listProductsAdminInput,
  listPromotionsInput,
  metricsDashboardInput,
  promotionStatusInput,
  refundInput,
  saveProductInput,
  savePromotionInput,
  saveShippingRateInput,
  saveShippingZoneInput,
  shipInput,
  shopSettingsInput,
  uploadPhotosInput,
} from './admin.schema.ts';

const PAGE_SIZE = 25;

/** An admin's write: counted against that admin's limit, from a form or over HTTP alike. */
const adminWrite = adminProcedure.use(async ({ ctx, next }) => {
  await enforceLimit(ctx, 'admin:user', ctx.user.id);
  return next();
});

/** What an import needs: the admin's deps, the shop's origin, the hosts and the bucket for images. */
async function importDeps(ctx: {
  deps: AdminDeps & { origin: string };
  importImageHosts: string[];
  media: (() => Promise<MediaBucket>) | null;
}): Promise<CatalogImportDeps> {
  return {
    ...ctx.deps,
    imageHosts: ctx.importImageHosts,
    bucket: ctx.media ? await ctx.media() : null,
  };
}

/** A day `YYYY-MM-DD` as the instant it starts, UTC. */
const dayStart = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + plusDays * 86_400_000);

/**
 * The shop owner's procedures: every one is an `adminProcedure` (UNAUTHORIZED
 * for a visitor, FORBIDDEN for a customer). Each write is one transaction
 * with its audit row, and tells the catalog cache what it changed.
 */
export const adminRouter = {
  overview: adminProcedure.query(({ ctx }) => adminOverview(ctx.db, ctx.now())),

  metrics: {
    /** Throughput, latency and errors per route group, and the funnel, for one window. */
    dashboard: adminProcedure
      .input(metricsDashboardInput)
      .query(({ ctx, input }) =>
        metricsDashboard(ctx.analytics, input?.range ?? 'hour', ctx.now()),
      ),
    /** The alerts' incidents still open (the scheduled run opens and resolves them). */
    incidents: adminProcedure.query(({ ctx }) => openAlertIncidents(ctx.db)),
  },

  products: {
    list: adminProcedure
      .input(listProductsAdminInput)
      .query(({ ctx, input }) => adminListProducts(ctx.db, { ...input, pageSize: PAGE_SIZE })),
    get: adminProcedure
      .input(byIdInput('product'))
      .query(({ ctx, input }) => adminGetProduct(ctx.db, input.id)),
    /** The whole catalog as Shopify's product CSV (`GET /admin/products/export.csv`). */
    exportCsv: adminProcedure.query(({ ctx }) => exportCatalogCsv(ctx.db, ctx.accounts.origin)),
    imageChoices: adminProcedure.query(({ ctx }) => adminImageChoices(ctx.db)),
    save: adminWrite.input(saveProductInput).mutation(async ({ ctx, input }) => {
      const saved = await saveProduct(ctx.deps, input.id ?? null, input.product);
      await announceCatalogChange(ctx.catalogCache);
      return saved;
    }),
    remove: adminWrite.input(byIdInput('product')).mutation(async ({ ctx, input }) => {
      const removed = await removeProduct(ctx.deps, input.id);
      await announceCatalogChange(ctx.catalogCache);
      return removed;
    }),
  },

  media: {
    /**
     * Stores photos for the product editor (R2, under their content's hash);
     * they wait for a product's save, and are removed a day on if none takes them.
     */
    upload: adminWrite.input(uploadPhotosInput).mutation(async ({ ctx, input }) => {
      if (!ctx.media) {
        throw new UnavailableError(
          'Photo uploads need the MEDIA bucket (R2), which this deploy has no binding for.',
        );
      }
      const files = input
        .getAll('photos')
        .filter((file): file is File => typeof file !== 'string' && file.size > 0);
      const photos = await uploadPhotos(
        { db: ctx.db, bucket: await ctx.media(), now: ctx.now() },
        await Promise.all(
          files.map(async (file) => ({
            name: file.name,
            bytes: new Uint8Array(await file.arrayBuffer()),
          })),
        ),
      );
      return { photos };
    }),
  },

  imports: {
    /** The latest imports, newest first. */
    list: adminProcedure.query(({ ctx }) => listCatalogImports(ctx.db)),
    /** One import: its report by line and column, and how far it is applied. */
    get: adminProcedure
      .input(byIdInput('import'))
      .query(({ ctx, input }) => getCatalogImport(ctx.db, input.id)),
    /** The dry run of a catalog CSV (multipart `file`): recorded with its report, nothing changed. */
    check: adminWrite.input(checkImportInput).mutation(async ({ ctx, input }) => {
      const file = input.get('file');
      if (typeof file === 'string' || file === null || file.size === 0) {
        throw new InvalidInputError('Choose a CSV file to import.', { field: 'file' });
      }
      return checkCatalogImport(await importDeps(ctx), {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
    }),
    /**
     * Applies a checked import, batch after batch for a few seconds; the
     * scheduled run carries on with what is left. Answers the progress.
     * (Not `apply`: the tRPC caller's proxy takes `.apply` for Function's own.)
     */
    applyBatches: adminWrite.input(byIdInput('import')).mutation(async ({ ctx, input }) => {
      const deps = await importDeps(ctx);
      await startCatalogImport(deps, input.id);
      const progress = await applyCatalogImport(deps, input.id, 5_000);
      await announceCatalogChange(ctx.catalogCache);
      return progress;
    }),
  },

  stock: {
    adjust: adminWrite
      .input(adjustStockInput)
      .mutation(({ ctx, input }) =>
        adjustStock(ctx.deps, input.variantId, input.change, input.reason),
      ),
  },

  settings: {
    get: adminProcedure.query(({ ctx }) => getShopSettings(ctx.db)),
    save: adminWrite.input(shopSettingsInput).mutation(async ({ ctx, input }) => {
      const saved = await saveShopSettings(ctx.deps, input);
      // Product pages say what their prices include: the cached ones must go.
      await announceCatalogChange(ctx.catalogCache);
      return saved;
    }),
  },

  shipping: {
    zones: adminProcedure.query(({ ctx }) => listShippingZones(ctx.db)),
    saveZone: adminWrite
      .input(saveShippingZoneInput)
      .mutation(({ ctx, input }) => saveShippingZone(ctx.deps, input)),
    deleteZone: adminWrite
      .input(byIdInput('shipping zone'))
      .mutation(({ ctx, input }) => deleteShippingZone(ctx.deps, input.id)),
    saveRate: adminWrite
      .input(saveShippingRateInput)
      .mutation(({ ctx, input }) => saveShippingRate(ctx.deps, input)),
  },

  promotions: {
    /** Every promotion (archived ones when asked), with its uses, revenue and discount given. */
    list: adminProcedure
      .input(listPromotionsInput)
      .query(({ ctx, input }) => listPromotions(ctx.db, { archived: input?.archived ?? false })),
    /** The collections and products a promotion can target, for its form. */
    targets: adminProcedure.query(({ ctx }) => promotionTargetChoices(ctx.db)),
    get: adminProcedure
      .input(byIdInput('promotion'))
      .query(({ ctx, input }) => getPromotion(ctx.db, input.id)),
    /** Creates (no `id`) or updates a promotion; answers it with its `id`. */
    save: adminWrite
      .input(savePromotionInput)
      .mutation(({ ctx, input }) => savePromotion(ctx.deps, input)),
    /** Pauses, resumes or archives one. */
    setStatus: adminWrite
      .input(promotionStatusInput)
      .mutation(({ ctx, input }) => setPromotionStatus(ctx.deps, input.id, input.status)),
  },

  orders: {
    list: adminProcedure.input(listOrdersAdminInput).query(({ ctx, input }) =>
      adminListOrders(ctx.db, {
        status: input.status,
        from: input.from ? dayStart(input.from) : undefined,
        to: input.to ? dayStart(input.to, 1) : undefined,
        email: input.email || undefined,
        before: input.before,
        limit: PAGE_SIZE,
      }),
    ),
    get: adminProcedure
      .input(byIdInput('order'))
      .query(({ ctx, input }) => adminGetOrder(ctx.db, input.id)),
    ship: adminWrite.input(shipInput).mutation(({ ctx, input }) =>
      shipOrder(ctx.deps, input.orderId, {
        lines: input.lines,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
      }),
    ),
    markDelivered: adminWrite
      .input(byIdInput('shipment'))
      .mutation(({ ctx, input }) => markDelivered(ctx.deps, input.id)),
    cancel: adminWrite.input(cancelOrderInput).mutation(({ ctx, input }) => {
      if (!ctx.payments) throw new UnavailableError('Payments are not set up on this shop.');
      return cancelPaidOrder(
        { ...ctx.deps, payments: ctx.payments },
        input.orderId,
        input.requestKey,
      );
    }),
    refund: adminWrite.input(refundInput).mutation(({ ctx, input }) => {
      if (!ctx.payments) throw new UnavailableError('Payments are not set up on this shop.');
      return refundOrder({ ...ctx.deps, payments: ctx.payments }, input.orderId, {
        amount: input.amount,
        restock: input.restock,
        requestKey: input.requestKey,
      });
    }),
  },
} satisfies TRPCRouterRecord;
