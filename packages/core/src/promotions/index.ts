export {
  getPromotion,
  listPromotions,
  PROMOTION_CODE,
  type PromotionInput,
  promotionTargetChoices,
  savePromotion,
  setPromotionStatus,
} from './admin-promotions.ts';
export { applyDiscountCode, removeDiscountCode } from './cart-discount.ts';
export {
  type AppliedPromotion,
  applyPromotion,
  type CartDiscounts,
  type DiscountContext,
  type DiscountLine,
  discountsFor,
  type PromotionTerms,
  type Refusal,
  type RefusalReason,
  refusalOf,
  spread,
} from './discount-rules.ts';
export { customerKeyOf } from './promotion-queries.ts';
