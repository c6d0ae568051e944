import {
  auditLog,
  carts,
  type Database,
  eq,
  inArray,
  outbox,
  passwordResets,
  paymentEvents,
  pendingSignUps,
  sessions,
  sql,
  sqlState,
} from '@edgecart/db';
import { describe, expect, it } from 'vitest';
import { writeAudit } from '../audit.ts';
import { addToCart } from '../cart/change-cart.ts';
import { placeOrder } from '../checkout/place-order.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { insertShopper, insertVariant } from '../testing/fixtures.ts';
import { enforceRetention, RETENTION } from './enforce-retention.ts';

const DAY = 24 * 60 * 60 * 1000;
const hash = () => crypto.randomUUID().replaceAll('-', '').repeat(2);

/** What the scheduled run removes and keeps, and the audit log it never can, on every driver. */
export function describeRetentionContract(driver: string, open: OpenDatabase) {
  describe(`retention on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });
    // Far from the other tests' rows: their sessions and carts are fresh at this clock.
    const now = new Date('2031-06-01T12:00:00Z');
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

    async function guestCart(idleDays: number, options: { pendingOrder?: boolean } = {}) {
      const { variantId } = await insertVariant(db, { prefix: 'retain', stock: 5 });
      const added = await addToCart(
        { db, now: at(idleDays) },
        { guestToken: null },
        { variantId, quantity: 1 },
      );
      const owner = { guestToken: added.newGuestToken };
      if (options.pendingOrder) {
        await placeOrder({ db, now: at(idleDays) }, owner, { email: 'guest@example.com' });
      }
      const [cart] = await db
        .select({ id: carts.id })
        .from(carts)
        .where(eq(carts.id, added.newGuestToken?.split('.')[0] ?? ''));
      return cart?.id ?? '';
    }

    it('removes what is past its time, keeps the rest, and a second run removes nothing', async () => {
      const { userId } = await insertShopper(db, `retain-${crypto.randomUUID()}@example.com`);
      const [oldSession, newSession] = [`old-${hash()}`, `new-${hash()}`];
      await db.insert(sessions).values([
        { id: oldSession, userId, secretHash: hash(), expiresAt: at(1) },
        { id: newSession, userId, secretHash: hash(), expiresAt: at(-1) },
      ]);
      const [oldSignUp, newSignUp] = [`old-${hash()}`, `new-${hash()}`];
      await db.insert(pendingSignUps).values([
        {
          id: oldSignUp,
          secretHash: hash(),
          email: 'a@example.com',
          passwordHash: 'x',
          expiresAt: at(1),
        },
        {
          id: newSignUp,
          secretHash: hash(),
          email: 'b@example.com',
          passwordHash: 'x',
          expiresAt: at(-1),
        },
      ]);
      const [oldReset, newReset] = [`old-${hash()}`, `new-${hash()}`];
      await db.insert(passwordResets).values([
        { id: oldReset, userId, secretHash: hash(), expiresAt: at(1) },
        { id: newReset, userId, secretHash: hash(), expiresAt: at(-1) },
      ]);
      const idleCart = await guestCart(31);
      const heldCart = await guestCart(31, { pendingOrder: true });
      const recentCart = await guestCart(29);
      const email = (kind: string, daysAgo: number, state: 'sent' | 'gave up' | 'due') => ({
        kind,
        to: 'shopper@example.com',
        subject: kind,
        body: 'Your order is on its way to 1 High Street.',
        createdAt: at(daysAgo),
        sentAt: state === 'sent' ? at(daysAgo) : null,
        gaveUpAt: state === 'gave up' ? at(daysAgo) : null,
      });
      const emails = await db
        .insert(outbox)
        .values([
          email('old-sent', 31, 'sent'),
          email('old-gave-up', 31, 'gave up'),
          email('old-due', 31, 'due'),
          email('new-sent', 29, 'sent'),
        ])
        .returning({ id: outbox.id, kind: outbox.kind });
      const [oldEvent, newEvent] = [`evt_old_${hash()}`, `evt_new_${hash()}`];
      await db.insert(paymentEvents).values([
        { id: oldEvent, type: 'checkout.session.completed', outcome: 'paid', receivedAt: at(91) },
        { id: newEvent, type: 'checkout.session.completed', outcome: 'paid', receivedAt: at(89) },
      ]);

      const first = await enforceRetention({ db, now });
      expect(first).toEqual({
        sessions: 1,
        signUps: 1,
        passwordResets: 1,
        guestCarts: 1,
        emails: 2,
        paymentEvents: 1,
      });
      const ids = async (
        table: typeof sessions | typeof pendingSignUps | typeof passwordResets,
        of: string[],
      ) =>
        (await db.select({ id: table.id }).from(table).where(inArray(table.id, of))).map(
          (r) => r.id,
        );
      expect(await ids(sessions, [oldSession, newSession])).toEqual([newSession]);
      expect(await ids(pendingSignUps, [oldSignUp, newSignUp])).toEqual([newSignUp]);
      expect(await ids(passwordResets, [oldReset, newReset])).toEqual([newReset]);
      const cartsLeft = await db
        .select({ id: carts.id })
        .from(carts)
        .where(inArray(carts.id, [idleCart, heldCart, recentCart]));
      expect(cartsLeft.map((c) => c.id).sort()).toEqual([heldCart, recentCart].sort());
      const emailsLeft = await db
        .select({ kind: outbox.kind })
        .from(outbox)
        .where(
          inArray(
            outbox.id,
            emails.map((e) => e.id),
          ),
        );
      expect(emailsLeft.map((e) => e.kind).sort()).toEqual(['new-sent', 'old-due']);
      const eventsLeft = await db
        .select({ id: paymentEvents.id })
        .from(paymentEvents)
        .where(inArray(paymentEvents.id, [oldEvent, newEvent]));
      expect(eventsLeft).toEqual([{ id: newEvent }]);

      expect(await enforceRetention({ db, now })).toEqual({
        sessions: 0,
        signUps: 0,
        passwordResets: 0,
        guestCarts: 0,
        emails: 0,
        paymentEvents: 0,
      });
      // A signed-in shopper's cart stays however long it sits.
      expect(RETENTION.guestCartMs).toBe(30 * DAY);
    });

    it('removes a backlog a batch per run', async () => {
      const { userId } = await insertShopper(db, `backlog-${crypto.randomUUID()}@example.com`);
      await db.insert(sessions).values(
        Array.from({ length: 5 }, (_, i) => ({
          id: `backlog-${i}-${hash()}`,
          userId,
          secretHash: hash(),
          expiresAt: at(2 + i),
        })),
      );
      const runs = [];
      for (let i = 0; i < 4; i++)
        runs.push((await enforceRetention({ db, now, batch: 2 })).sessions);
      expect(runs).toEqual([2, 2, 1, 0]);
    });

    it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused, INSERT goes on', async () => {
      const entityId = crypto.randomUUID();
      const entry = {
        actor: 'admin:test',
        action: 'order.refunded',
        entityType: 'order',
        entityId,
      };
      await writeAudit(db, entry, now);
      const refusal = async (statement: Promise<unknown>) => {
        try {
          await statement;
          return 'allowed';
        } catch (error) {
          return sqlState(error);
        }
      };
      expect(
        await refusal(
          db.update(auditLog).set({ actor: 'someone else' }).where(eq(auditLog.entityId, entityId)),
        ),
      ).toBe('42501');
      expect(await refusal(db.delete(auditLog).where(eq(auditLog.entityId, entityId)))).toBe(
        '42501',
      );
      expect(await refusal(db.execute(sql`TRUNCATE audit_log`))).toBe('42501');
      await writeAudit(db, { ...entry, action: 'order.refund-corrected' }, now);
      const rows = await db
        .select({ actor: auditLog.actor, action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, entityId))
        .orderBy(auditLog.id);
      expect(rows).toEqual([
        { actor: 'admin:test', action: 'order.refunded' },
        { actor: 'admin:test', action: 'order.refund-corrected' },
      ]);
    });
  });
}
