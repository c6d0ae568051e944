import {
  and,
  asc,
  type Database,
  eq,
  gte,
  inArray,
  lte,
  orders,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import { LOW_STOCK_THRESHOLD } from '../catalog/stock.ts';

export interface AdminOverview {
  /** Since midnight UTC. */
  today: {
    orders: number;
    /** Paid today, net of refunds and of the tax collected, per currency. */
    revenue: { currency: string; amount: number }[];
    /** What promotions took off the orders paid today, per currency. */
    discounts: { currency: string; amount: number }[];
  };
  /** Orders waiting for their payment (a payment page is open). */
  pendingPayments: number;
  /** Orders whose payment did not match: a person must look. */
  needsReview: number;
  /** Variants of products on sale with this few left or fewer, fewest first. */
  lowStock: {
    variantId: string;
    productId: string;
    productTitle: string;
    sku: string;
    stock: number;
  }[];
}

/** What the shop's owner looks at first. */
export async function adminOverview(db: Database, now: Date): Promise<AdminOverview> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const paidStatuses = ['paid', 'partially_refunded', 'refunded'] as const;
  const [todayCount, revenue, waiting, lowStock] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(gte(orders.createdAt, midnight), inArray(orders.status, [...paidStatuses]))),
    db
      .select({
        currency: orders.currency,
        // What was kept, less the tax in it: a refund gives back its share of the tax too.
        discount: sql<number>`coalesce(sum(${orders.discountAmount}), 0)::int`,
        amount: sql<number>`coalesce(sum(
          ${orders.amountPaid} - ${orders.amountRefunded}
          - case when ${orders.amountPaid} > 0
              then round(${orders.taxAmount}::numeric * greatest(${orders.amountPaid} - ${orders.amountRefunded}, 0) / ${orders.amountPaid})
              else 0 end
        ), 0)::int`,
      })
      .from(orders)
      .where(and(gte(orders.paidAt, midnight), inArray(orders.status, [...paidStatuses])))
      .groupBy(orders.currency)
      .orderBy(asc(orders.currency)),
    db
      .select({ status: orders.status, n: sql<number>`count(*)::int` })
      .from(orders)
      .where(inArray(orders.status, ['pending', 'needs_review']))
      .groupBy(orders.status),
    db
      .select({
        variantId: productVariants.id,
        productId: products.id,
        productTitle: products.title,
        sku: productVariants.sku,
        stock: productVariants.stock,
      })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(and(eq(products.status, 'active'), lte(productVariants.stock, LOW_STOCK_THRESHOLD)))
      .orderBy(asc(productVariants.stock), asc(productVariants.sku))
      .limit(50),
  ]);
  const count = (status: string) => waiting.find((w) => w.status === status)?.n ?? 0;
  return {
    today: {
      orders: todayCount[0]?.n ?? 0,
      revenue: revenue.map(({ currency, amount }) => ({ currency, amount })),
      discounts: revenue
        .filter((r) => r.discount > 0)
        .map(({ currency, discount }) => ({ currency, amount: discount })),
    },
    pendingPayments: count('pending'),
    needsReview: count('needs_review'),
    lowStock,
  };
}
