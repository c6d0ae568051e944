import { createPgliteDb } from '@edgecart/db/pglite';
import { expect, test } from 'vitest';
import { trackingUrl } from './carriers.ts';
import { describeShipOrderContract } from './ship-order.contract.ts';

describeShipOrderContract('PGlite', () => createPgliteDb());

test("a carrier's tracking link, whatever the case, with the number encoded; none for others", () => {
  expect(trackingUrl(' FedEx ', '12 34')).toBe('https://www.fedex.com/fedextrack/?trknbr=12%2034');
  expect(trackingUrl('Pigeon', '1')).toBeNull();
});
