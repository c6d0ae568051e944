import { addToCartAction } from '~/app/cart/actions';
import { AddToCartForm } from '~/components/cart/add-to-cart-form';

/**
 * "Add to cart" for the chosen variant. Out of stock, the button is disabled
 * and says why; in stock, the form's fields, inside the form itself (a client
 * component, for its pending state and messages). All rendered here on the
 * server, so the product page sends the browser as little as it can.
 */
export function AddToCart({
  variantId,
  soldOut,
  remaining,
}: {
  variantId: string;
  soldOut: boolean;
  /** How many are left when few are; the server checks the stock either way. */
  remaining: number | null;
}) {
  if (!soldOut) {
    const max = Math.min(remaining ?? 99, 99);
    return (
      <AddToCartForm addToCart={addToCartAction}>
        <input type="hidden" name="variantId" value={variantId} />
        <div className="field field--inline">
          <label htmlFor="quantity">Quantity</label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            defaultValue={1}
            required
            aria-describedby="quantity-error"
          />
        </div>
      </AddToCartForm>
    );
  }
  return (
    <div className="add-to-cart">
      <button type="button" className="button" disabled aria-describedby="add-to-cart-reason">
        Add to cart
      </button>
      <p id="add-to-cart-reason" className="add-to-cart__reason">
        Sold out in this option: choose another, or check back later.
      </p>
    </div>
  );
}
