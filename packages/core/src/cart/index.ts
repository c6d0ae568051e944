export {
  addToCart,
  type CartChange,
  type CartChangeDeps,
  mergeGuestCart,
  removeFromCart,
  setCartQuantity,
} from './change-cart.ts';
export type { CartOwner } from './owner.ts';
export { type Cart, type CartLine, type CartLineState, readCart } from './read-cart.ts';
