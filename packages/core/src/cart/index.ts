export type { Cart, CartLine, CartLineState } from './cart-rules.ts';
export {
  addToCart,
  type CartChange,
  type CartChangeDeps,
  mergeGuestCart,
  removeFromCart,
  setCartQuantity,
} from './change-cart.ts';
export type { CartOwner } from './owner.ts';
export { readCart } from './read-cart.ts';
