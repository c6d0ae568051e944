/**
 * The fields of the admin's rate form that a refused save shows again as typed
 * and that its errors may name: the form and its action share this list.
 */
export const shippingRateFields = [
  'name',
  'minDays',
  'maxDays',
  'currency',
  'amount',
  'freeAbove',
  'minWeightGrams',
  'maxWeightGrams',
  'position',
] as const;
