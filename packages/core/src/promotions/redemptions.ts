import {
  and,
  asc,
  type Database,
  databaseErrorKind,
  eq,
  isNull,
  lt,
  or,
  promotionRedemptions,
  promotions,
  type SQL,
  sql,
} from '@edgecart/db';
import { InvalidInputError } from '../errors.ts';
import type { AppliedPromotion, PromotionTerms } from './discount-rules.ts';

/**
 * The uses of promotions, counted where they cannot be over-counted: a use
 * is taken with a conditional update of the promotion's `times_used` (it
 * never passes `usage_limit`, and a check constraint says so too), and "once
 * per customer" is a unique index over the uses not given back. Lock order:
 * an order's promotions are taken before its stock, in promotion id order, on
 * every path (checkout, cancel, expiry, a late payment), so that two of them
 * never wait on each other.
 */

const nameOf = (p: Pick<PromotionTerms, 'code' | 'title'>) =>
  p.code ? `the code ${p.code}` : `"${p.title}"`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const oneMoreUse = (id: string, extra?: SQL) =>
  and(
    eq(promotions.id, id),
    or(isNull(promotions.usageLimit), lt(promotions.timesUsed, promotions.usageLimit)),
    extra,
  );

const byPromotionId = (applied: readonly AppliedPromotion[]) =>
  [...applied].sort((a, b) => a.promotion.id.localeCompare(b.promotion.id));

/**
 * Takes a use of each applied promotion for an order being placed, inside
 * the checkout's transaction and before its stock; refused (and so nothing
 * is reserved) when one has just been used up or was paused, or when a
 * once-per-customer one has no customer to count against. The order's
 * redemptions are recorded once it exists (`recordRedemptions`).
 */
export async function takeUses(
  tx: Database,
  applied: readonly AppliedPromotion[],
  customerKey: string | null,
  now: Date,
): Promise<void> {
  for (const { promotion } of byPromotionId(applied)) {
    const name = nameOf(promotion);
    if (promotion.oncePerCustomer && !customerKey) {
      throw new InvalidInputError(
        `Enter your email to use ${name}: it can be used once per customer.`,
        { field: 'email' },
      );
    }
    const taken = await tx
      .update(promotions)
      .set({ timesUsed: sql`${promotions.timesUsed} + 1`, updatedAt: now })
      .where(oneMoreUse(promotion.id, eq(promotions.status, 'active')))
      .returning({ id: promotions.id });
    if (taken.length === 0) {
      throw new InvalidInputError(
        `${capitalised(name)} has just been used up: remove it to check out without it.`,
        { field: 'discountCode' },
      );
    }
  }
}

/**
 * Records the uses `takeUses` took as the order's redemptions, `held` while
 * it is pending. A once-per-customer promotion this customer already holds
 * or kept is refused here, by the unique index, even when two checkouts of
 * theirs race.
 */
export async function recordRedemptions(
  tx: Database,
  orderId: string,
  applied: readonly AppliedPromotion[],
  customerKey: string | null,
  now: Date,
): Promise<void> {
  for (const { promotion, amount } of byPromotionId(applied)) {
    try {
      await tx.insert(promotionRedemptions).values({
        promotionId: promotion.id,
        orderId,
        customerKey: promotion.oncePerCustomer ? customerKey : null,
        amount,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (databaseErrorKind(error) !== 'unique_violation') throw error;
      throw new InvalidInputError(`You have already used ${nameOf(promotion)}.`, {
        field: 'discountCode',
        cause: error,
      });
    }
  }
}

/** Gives back the uses a pending order held (its checkout was cancelled or expired). */
export async function releaseRedemptions(tx: Database, orderId: string, now: Date): Promise<void> {
  const released = await tx
    .update(promotionRedemptions)
    .set({ status: 'released', updatedAt: now })
    .where(and(eq(promotionRedemptions.orderId, orderId), eq(promotionRedemptions.status, 'held')))
    .returning({ promotionId: promotionRedemptions.promotionId });
  const ids = released.map((r) => r.promotionId).sort();
  for (const id of ids) {
    await tx
      .update(promotions)
      .set({ timesUsed: sql`${promotions.timesUsed} - 1`, updatedAt: now })
      .where(eq(promotions.id, id));
  }
}

/** A paid order keeps its uses for good: a refund does not give them back. */
export async function keepRedemptions(tx: Database, orderId: string, now: Date): Promise<void> {
  await tx
    .update(promotionRedemptions)
    .set({ status: 'kept', updatedAt: now })
    .where(and(eq(promotionRedemptions.orderId, orderId), eq(promotionRedemptions.status, 'held')));
}

/**
 * A payment landed after the order's checkout was cancelled (its uses were
 * given back): takes them again, all or none, inside the caller's savepoint.
 * Says which promotion could not be had (used up, or used by the customer
 * since), or null when every use was taken again and kept.
 */
export async function retakeRedemptions(
  tx: Database,
  orderId: string,
  now: Date,
): Promise<string | null> {
  const released = await tx
    .select({
      id: promotionRedemptions.id,
      promotionId: promotionRedemptions.promotionId,
      code: promotions.code,
      title: promotions.title,
    })
    .from(promotionRedemptions)
    .innerJoin(promotions, eq(promotions.id, promotionRedemptions.promotionId))
    .where(
      and(eq(promotionRedemptions.orderId, orderId), eq(promotionRedemptions.status, 'released')),
    )
    .orderBy(asc(promotionRedemptions.promotionId));
  for (const use of released) {
    const taken = await tx
      .update(promotions)
      .set({ timesUsed: sql`${promotions.timesUsed} + 1`, updatedAt: now })
      .where(oneMoreUse(use.promotionId))
      .returning({ id: promotions.id });
    if (taken.length === 0) return `${nameOf(use)} was used up meanwhile`;
    try {
      // A savepoint of its own: a unique violation must not end the caller's transaction.
      await tx.transaction((sp) =>
        sp
          .update(promotionRedemptions)
          .set({ status: 'kept', updatedAt: now })
          .where(eq(promotionRedemptions.id, use.id)),
      );
    } catch (error) {
      if (databaseErrorKind(error) !== 'unique_violation') throw error;
      return `the customer used ${nameOf(use)} on another order meanwhile`;
    }
  }
  return null;
}
