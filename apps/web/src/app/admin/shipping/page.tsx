import type { Metadata } from 'next';
import {
  DeleteShippingZoneForm,
  ShippingRateForm,
  ShippingZoneForm,
} from '~/components/admin/shipping-forms';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Shipping' };

const grams = (value: number) => (value >= 1_000 ? `${value / 1_000} kg` : `${value} g`);

/** Zones (countries that share rates) and their rates, as checkout offers them. */
export default async function AdminShippingPage() {
  const api = await getAdminApi();
  const zones = await api.admin.shipping.zones();
  return (
    <>
      <h1>Shipping</h1>
      <p className="lede">
        A shopper picks a country before paying; the payment page offers the rates of that
        country&apos;s zone that fit the parcel&apos;s weight, in the cart&apos;s currency, free
        from their threshold. A cart of products that are not posted asks for no address.
      </p>
      {zones.length === 0 ? (
        <p className="notice">
          No shipping zones yet: until there is one with a rate, shoppers cannot check out products
          that are posted.
        </p>
      ) : null}
      {zones.map((zone) => (
        <section key={zone.id} className="admin-section" aria-labelledby={`zone-${zone.id}-title`}>
          <h2 id={`zone-${zone.id}-title`}>{zone.name}</h2>
          <p>Ships to {zone.countries.join(', ')}</p>
          {zone.rates.length === 0 ? (
            <p className="notice">No rates yet: shoppers in these countries cannot check out.</p>
          ) : (
            <table className="admin-table">
              <caption className="sr-only">Rates of {zone.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Rate</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Price</th>
                  <th scope="col">Free from</th>
                  <th scope="col">Weight</th>
                  <th scope="col">Offered</th>
                </tr>
              </thead>
              <tbody>
                {zone.rates.map((rate) => (
                  <tr key={rate.id}>
                    <th scope="row">{rate.name}</th>
                    <td>
                      {rate.minDays}–{rate.maxDays} business days
                    </td>
                    <td>{formatMoney({ amount: rate.amount, currency: rate.currency })}</td>
                    <td>
                      {rate.freeAbove === null
                        ? '—'
                        : formatMoney({ amount: rate.freeAbove, currency: rate.currency })}
                    </td>
                    <td>
                      {grams(rate.minWeightGrams)} to{' '}
                      {rate.maxWeightGrams === null ? 'any' : `under ${grams(rate.maxWeightGrams)}`}
                    </td>
                    <td>{rate.active ? 'Yes' : 'Paused'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {zone.rates.map((rate) => (
            <details key={rate.id}>
              <summary>Edit {rate.name}</summary>
              <ShippingRateForm zoneId={zone.id} rate={rate} />
            </details>
          ))}
          <details>
            <summary>Add a rate to {zone.name}</summary>
            <ShippingRateForm zoneId={zone.id} />
          </details>
          <details>
            <summary>Edit or delete {zone.name}</summary>
            <ShippingZoneForm zone={zone} />
            <DeleteShippingZoneForm zone={zone} />
          </details>
        </section>
      ))}
      <section className="admin-section" aria-labelledby="new-zone-title">
        <h2 id="new-zone-title">Add a zone</h2>
        <ShippingZoneForm />
      </section>
    </>
  );
}
