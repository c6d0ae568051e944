import {
  and,
  asc,
  collections,
  type Database,
  databaseErrorKind,
  desc,
  eq,
  inArray,
  ne,
  orders,
  type PromotionStatus,
  products,
  promotionRedemptions,
  promotions,
  sql,
} from '@edgecart/db';
import type { AdminDeps } from '../admin/admin-deps.ts';
import { writeAudit } from '../audit.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';

/**
 * A promotion as an admin saves it. A code, or `automatic`; `percentOff` or
 * `amountOff` (with its `currency`) or neither, with `freeShipping`; the rest
 * optional. Absent `id`: a new promotion.
 */
export interface PromotionInput {
  id?: string | undefined;
  code?: string | null | undefined;
  automatic?: boolean | undefined;
  /** What shoppers see for an automatic one; a code's defaults to the code. */
  title?: string | null | undefined;
  percentOff?: number | null | undefined;
  amountOff?: number | null | undefined;
  currency?: string | null | undefined;
  freeShipping?: boolean | undefined;
  minSubtotal?: number | null | undefined;
  startsAt?: Date | null | undefined;
  endsAt?: Date | null | undefined;
  usageLimit?: number | null | undefined;
  oncePerCustomer?: boolean | undefined;
  combinesWithAutomatic?: boolean | undefined;
  collections?: string[] | undefined;
  products?: string[] | undefined;
}

export const PROMOTION_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;

type Row = typeof promotions.$inferSelect;

/** The promotion's row from what the admin gave, or the field and what is wrong with it. */
function rowOf(
  input: PromotionInput,
): Omit<Row, 'id' | 'timesUsed' | 'createdAt' | 'updatedAt' | 'status'> {
  const refuse = (message: string, field: string): never => {
    throw new InvalidInputError(message, { field });
  };
  const code = input.automatic ? null : (input.code?.trim() ?? '');
  if (code !== null && !PROMOTION_CODE.test(code)) {
    refuse(
      code === ''
        ? 'Give the promotion a code, or make it automatic.'
        : 'A code is 3 to 40 letters, digits, dashes or underscores, starting with a letter or digit.',
      'code',
    );
  }
  const title = input.title?.trim() || code || '';
  if (!title) refuse('Give an automatic promotion a name shoppers will see.', 'title');
  if (title.length > 80) refuse('Keep the name to 80 characters.', 'title');
  const percentOff = input.percentOff ?? null;
  const amountOff = input.amountOff ?? null;
  if (percentOff !== null && amountOff !== null) {
    refuse('Take off a percentage or an amount, not both.', 'amountOff');
  }
  if (
    percentOff !== null &&
    !(Number.isInteger(percentOff) && percentOff >= 1 && percentOff <= 100)
  ) {
    refuse('A percentage is a whole number from 1 to 100.', 'percentOff');
  }
  if (amountOff !== null && !(Number.isInteger(amountOff) && amountOff > 0)) {
    refuse('An amount off is more than zero.', 'amountOff');
  }
  const freeShipping = input.freeShipping ?? false;
  if (percentOff === null && amountOff === null && !freeShipping) {
    refuse(
      'Say what the promotion gives: a percentage, an amount, or free shipping.',
      'percentOff',
    );
  }
  const minSubtotal = input.minSubtotal ?? null;
  if (minSubtotal !== null && !(Number.isInteger(minSubtotal) && minSubtotal >= 0)) {
    refuse('A minimum subtotal cannot be negative.', 'minSubtotal');
  }
  const currency = input.currency?.trim().toUpperCase() || null;
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) refuse('Not a currency code.', 'currency');
  if (currency === null && (amountOff !== null || minSubtotal !== null)) {
    refuse('An amount off or a minimum subtotal needs its currency.', 'currency');
  }
  const startsAt = input.startsAt ?? null;
  const endsAt = input.endsAt ?? null;
  if (startsAt && endsAt && endsAt <= startsAt) refuse('The end comes after the start.', 'endsAt');
  const usageLimit = input.usageLimit ?? null;
  if (usageLimit !== null && !(Number.isInteger(usageLimit) && usageLimit > 0)) {
    refuse('A usage limit is at least 1; leave it empty for no limit.', 'usageLimit');
  }
  return {
    code,
    title,
    percentOff,
    amountOff,
    currency,
    freeShipping,
    minSubtotal,
    startsAt,
    endsAt,
    usageLimit,
    oncePerCustomer: input.oncePerCustomer ?? false,
    combinesWithAutomatic: input.combinesWithAutomatic ?? false,
    productIds: [...new Set(input.products ?? [])].sort(),
    collectionIds: [...new Set(input.collections ?? [])].sort(),
  };
}

/** Refuses targets that do not exist, naming the field. */
async function checkTargets(tx: Database, row: Pick<Row, 'productIds' | 'collectionIds'>) {
  if (row.productIds.length > 0) {
    const found = await tx
      .select({ id: products.id })
      .from(products)
      .where(inArray(products.id, row.productIds));
    if (found.length !== row.productIds.length) {
      throw new InvalidInputError('One of the chosen products no longer exists.', {
        field: 'products',
      });
    }
  }
  if (row.collectionIds.length > 0) {
    const found = await tx
      .select({ id: collections.id })
      .from(collections)
      .where(inArray(collections.id, row.collectionIds));
    if (found.length !== row.collectionIds.length) {
      throw new InvalidInputError('One of the chosen collections no longer exists.', {
        field: 'collections',
      });
    }
  }
}

const audited = (row: Partial<Row>) => {
  const { createdAt: _c, updatedAt: _u, timesUsed: _t, ...rest } = row;
  return rest;
};

/**
 * Creates or updates a promotion, with its audit row, in one transaction. A
 * code another promotion has (in any case) is refused on the code field, by
 * the unique index should two admins race. A usage limit below the uses
 * already taken is refused. Answers the promotion with its id.
 */
export async function savePromotion(deps: AdminDeps, input: PromotionInput) {
  const row = rowOf(input);
  try {
    return await deps.db.transaction(async (tx) => {
      await checkTargets(tx, row);
      let before: Row | undefined;
      let saved: Row | undefined;
      if (input.id) {
        [before] = await tx
          .select()
          .from(promotions)
          .where(eq(promotions.id, input.id))
          .for('update');
        if (!before) throw new NotFoundError('No such promotion.');
        if (row.usageLimit !== null && row.usageLimit < before.timesUsed) {
          throw new InvalidInputError(
            `It has been used ${before.timesUsed} times already: the limit cannot be lower.`,
            { field: 'usageLimit' },
          );
        }
        [saved] = await tx
          .update(promotions)
          .set({ ...row, updatedAt: deps.now })
          .where(eq(promotions.id, input.id))
          .returning();
      } else {
        [saved] = await tx
          .insert(promotions)
          .values({ ...row, createdAt: deps.now, updatedAt: deps.now })
          .returning();
      }
      if (!saved) throw new Error('the promotion was not saved');
      await writeAudit(
        tx,
        {
          actor: deps.actor,
          action: before ? 'promotion.update' : 'promotion.create',
          entityType: 'promotion',
          entityId: saved.id,
          before: before ? audited(before) : null,
          after: audited(saved),
        },
        deps.now,
      );
      return saved;
    });
  } catch (error) {
    if (databaseErrorKind(error) === 'unique_violation') {
      throw new InvalidInputError(`Another promotion has the code ${row.code}.`, {
        field: 'code',
        cause: error,
      });
    }
    throw error;
  }
}

/** Pauses, resumes or archives a promotion (an archived one is over: its code is unknown). */
export async function setPromotionStatus(deps: AdminDeps, id: string, status: PromotionStatus) {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: promotions.status })
      .from(promotions)
      .where(eq(promotions.id, id))
      .for('update');
    if (!before) throw new NotFoundError('No such promotion.');
    await tx.update(promotions).set({ status, updatedAt: deps.now }).where(eq(promotions.id, id));
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: `promotion.${status === 'active' ? 'resume' : status === 'paused' ? 'pause' : 'archive'}`,
        entityType: 'promotion',
        entityId: id,
        before,
        after: { status },
      },
      deps.now,
    );
    return { id, status };
  });
}

/**
 * Every promotion (archived ones only when asked), newest first, with what
 * it did: its uses (held by pending orders and kept by paid ones), and of
 * the paid orders that kept a use, their revenue (what was paid, less
 * refunds) and the discount this promotion gave them.
 */
export async function listPromotions(db: Database, options: { archived?: boolean } = {}) {
  const list = await db
    .select()
    .from(promotions)
    .where(options.archived ? undefined : ne(promotions.status, 'archived'))
    .orderBy(desc(promotions.createdAt), asc(promotions.id));
  const stats = await db
    .select({
      promotionId: promotionRedemptions.promotionId,
      currency: orders.currency,
      orders: sql<number>`count(*)::int`,
      revenue: sql<number>`coalesce(sum(${orders.amountPaid} - ${orders.amountRefunded}), 0)::int`,
      discount: sql<number>`coalesce(sum(${promotionRedemptions.amount}), 0)::int`,
    })
    .from(promotionRedemptions)
    .innerJoin(orders, eq(orders.id, promotionRedemptions.orderId))
    .where(eq(promotionRedemptions.status, 'kept'))
    .groupBy(promotionRedemptions.promotionId, orders.currency)
    .orderBy(asc(orders.currency));
  return list.map((promotion) => {
    const own = stats.filter((s) => s.promotionId === promotion.id);
    return {
      ...promotion,
      uses: promotion.timesUsed,
      paidOrders: own.reduce((sum, s) => sum + s.orders, 0),
      /** Per currency: what its paid orders brought in (less refunds), and what it took off them. */
      results: own.map((s) => ({ currency: s.currency, revenue: s.revenue, discount: s.discount })),
    };
  });
}

/** One promotion, for its edit page. */
export async function getPromotion(db: Database, id: string) {
  const [row] = await db
    .select()
    .from(promotions)
    .where(and(eq(promotions.id, id)));
  if (!row) throw new NotFoundError('No such promotion.');
  return row;
}

/** What a promotion can target, for its form: every collection, and up to 500 products by title. */
export async function promotionTargetChoices(db: Database) {
  const [collectionRows, productRows] = await Promise.all([
    db
      .select({ id: collections.id, title: collections.title })
      .from(collections)
      .orderBy(asc(collections.title)),
    db
      .select({ id: products.id, title: products.title, slug: products.slug })
      .from(products)
      .where(ne(products.status, 'archived'))
      .orderBy(asc(products.title), asc(products.slug))
      .limit(500),
  ]);
  return { collections: collectionRows, products: productRows };
}
