'use client';

import type { RouterOutputs } from '@edgecart/api';
import { type FormEvent, useActionState } from 'react';
import { removeFromCartAction, setQuantityAction } from '~/app/cart/actions';
import Link from '~/components/link';
import { idle } from '~/lib/form-state';

type Line = RouterOutputs['cart']['get']['lines'][number];

const stateNote: Record<Line['state'], ((line: Line) => string) | null> = {
  ok: null,
  short: (line) => `Only ${line.stock} left: lower the quantity to check out.`,
  'sold-out': () => 'Sold out: remove it to check out.',
  unavailable: () => 'No longer sold: remove it to check out.',
};

/**
 * One line of the cart. Its quantity and removal are forms: with JavaScript
 * they go through the tRPC client and show at once (optimistic); without,
 * they post to Server Actions and the page comes back changed.
 */
export function CartLine({
  line,
  href,
  changes,
  formatMoney,
}: {
  line: Line;
  href: string;
  /** The cart's formatter: the server's text for the amounts it rendered (cart-view.tsx). */
  formatMoney: (money: Line['unitPrice']) => string;
  /** The optimistic changes (with JavaScript), and what the server last refused on this line. */
  changes: {
    setQuantity: (quantity: number) => void;
    remove: () => void;
    pending: boolean;
    problem: { on: 'quantity' | 'remove'; message: string } | null;
  };
}) {
  const [quantityState, setQuantity, settingQuantity] = useActionState(setQuantityAction, idle);
  const [removeState, remove, removing] = useActionState(removeFromCartAction, idle);
  const id = `qty-${line.variantId}`;
  const problemOn = (on: 'quantity' | 'remove') =>
    changes.problem?.on === on ? changes.problem.message : undefined;
  const error =
    problemOn('quantity') ?? (quantityState.status === 'error' ? quantityState.message : undefined);
  const removeError =
    problemOn('remove') ?? (removeState.status === 'error' ? removeState.message : undefined);
  const onSetQuantity = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('quantity');
    changes.setQuantity(typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN);
  };
  const onRemove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    changes.remove();
  };
  const note = stateNote[line.state]?.(line);
  const name =
    line.variantTitle === line.productTitle
      ? line.productTitle
      : `${line.productTitle}, ${line.variantTitle}`;
  return (
    <li className="cart-line" aria-label={name}>
      {line.image ? (
        // biome-ignore lint/performance/noImgElement: local SVGs need no optimiser
        <img src={line.image.url} alt="" width={96} height={96} className="cart-line__image" />
      ) : (
        <span className="cart-line__image" />
      )}
      <div className="cart-line__info">
        <h2 className="cart-line__title">
          <Link href={href}>{line.productTitle}</Link>
        </h2>
        {Object.keys(line.options).length > 0 ? (
          <p className="cart-line__variant">{line.variantTitle}</p>
        ) : null}
        <p className="cart-line__price">{formatMoney(line.unitPrice)} each</p>
        {note ? <p className="cart-line__problem">{note}</p> : null}
      </div>
      <div className="cart-line__controls">
        <form
          action={setQuantity}
          onSubmit={onSetQuantity}
          className="cart-line__quantity"
          noValidate
        >
          <input type="hidden" name="variantId" value={line.variantId} />
          <label htmlFor={id}>Quantity</label>
          <input
            id={id}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            defaultValue={line.quantity}
            key={line.quantity}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button
            type="submit"
            className="button button--small button--quiet"
            disabled={settingQuantity || changes.pending}
          >
            Update<span className="sr-only"> the quantity of {name}</span>
          </button>
          {error ? (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
        <form action={remove} onSubmit={onRemove}>
          <input type="hidden" name="variantId" value={line.variantId} />
          <button
            type="submit"
            className="button button--small button--quiet"
            disabled={removing || changes.pending}
          >
            Remove<span className="sr-only"> {name}</span>
          </button>
          {removeError ? (
            <p className="field__error" role="alert">
              {removeError}
            </p>
          ) : null}
        </form>
      </div>
      <p className="cart-line__total">{formatMoney(line.lineTotal)}</p>
    </li>
  );
}
