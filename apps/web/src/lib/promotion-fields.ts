/**
 * The text fields of the admin's promotion form that a refused save shows
 * again as typed and that its errors may name: the form and its action share
 * this list.
 */
export const promotionFields = [
  'code',
  'title',
  'percentOff',
  'amountOff',
  'currency',
  'minSubtotal',
  'startsAt',
  'endsAt',
  'usageLimit',
] as const;

/** Its boxes and lists, which a refusal names too. */
export const promotionChoiceFields = [
  'kind',
  'freeShipping',
  'oncePerCustomer',
  'combinesWithAutomatic',
  'collections',
  'products',
] as const;

/** A `datetime-local` value for an instant, in UTC (the form says so). */
export const utcInputValue = (date: Date | string | null | undefined) =>
  date ? new Date(date).toISOString().slice(0, 16) : '';
