'use client';

import type { RouterOutputs } from '@edgecart/api';
import Link from 'next/link';
import { useActionState } from 'react';
import { removeFromCartAction, setQuantityAction } from '~/app/cart/actions';
import { idle } from '~/lib/form-state';
import { formatMoney } from '~/lib/format';

type Line = RouterOutputs['cart']['get']['lines'][number];

const stateNote: Record<Line['state'], ((line: Line) => string) | null> = {
  ok: null,
  short: (line) => `Only ${line.stock} left: lower the quantity to check out.`,
  'sold-out': () => 'Sold out: remove it to check out.',
  unavailable: () => 'No longer sold: remove it to check out.',
};

/** One line of the cart: its quantity and removal are Server Action forms (they work without JavaScript). */
export function CartLine({ line, href }: { line: Line; href: string }) {
  const [quantityState, setQuantity, settingQuantity] = useActionState(setQuantityAction, idle);
  const [, remove, removing] = useActionState(removeFromCartAction, idle);
  const id = `qty-${line.variantId}`;
  const error = quantityState.status === 'error' ? quantityState.message : undefined;
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
        <form action={setQuantity} className="cart-line__quantity" noValidate>
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
            disabled={settingQuantity}
          >
            Update<span className="sr-only"> the quantity of {name}</span>
          </button>
          {error ? (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
        <form action={remove}>
          <input type="hidden" name="variantId" value={line.variantId} />
          <button type="submit" className="button button--small button--quiet" disabled={removing}>
            Remove<span className="sr-only"> {name}</span>
          </button>
        </form>
      </div>
      <p className="cart-line__total">{formatMoney(line.lineTotal)}</p>
    </li>
  );
}
