'use client';

import { useActionState } from 'react';
import { cancelOrderAction, markDeliveredAction, shipAction } from '~/app/admin/actions';
import { idle } from '~/lib/form-state';
import { FieldError, FormNotice, invalidProps } from './field-error.tsx';

interface ShippableItem {
  id: number;
  productTitle: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  shipped: number;
}

/** A parcel of some or all of what is left to ship; works without JavaScript. */
export function ShipForm({ orderId, items }: { orderId: string; items: ShippableItem[] }) {
  const [state, action, pending] = useActionState(shipAction, idle);
  const open = items.filter((item) => item.quantity > item.shipped);
  return (
    <form action={action} className="admin-form" aria-label="Ship items" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <FormNotice
        state={state}
        fields={['carrier', 'trackingNumber', ...open.map((item) => `lines.${item.id}`)]}
      />
      <table className="admin-table admin-table--form">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Left to ship</th>
            <th scope="col">In this parcel</th>
          </tr>
        </thead>
        <tbody>
          {open.map((item) => {
            const left = item.quantity - item.shipped;
            const name = `quantity.${item.id}`;
            return (
              <tr key={item.id}>
                <th scope="row">
                  {item.productTitle} ({item.variantTitle}) · {item.sku}
                </th>
                <td>{left}</td>
                <td>
                  <input type="hidden" name="itemId" value={item.id} />
                  <input
                    aria-label={`Ship how many of ${item.sku}`}
                    name={name}
                    inputMode="numeric"
                    size={4}
                    defaultValue={left}
                    {...invalidProps(state, `lines.${item.id}`)}
                  />
                  <FieldError state={state} name={`lines.${item.id}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="admin-form__row">
        <div className="field">
          <label htmlFor="carrier">Carrier</label>
          <input
            id="carrier"
            name="carrier"
            list="carriers"
            required
            maxLength={60}
            {...invalidProps(state, 'carrier')}
          />
          <datalist id="carriers">
            {['UPS', 'USPS', 'FedEx', 'DHL', 'Royal Mail', 'Canada Post', 'DPD'].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <FieldError state={state} name="carrier" />
        </div>
        <div className="field">
          <label htmlFor="trackingNumber">Tracking number</label>
          <input
            id="trackingNumber"
            name="trackingNumber"
            required
            maxLength={60}
            {...invalidProps(state, 'trackingNumber')}
          />
          <FieldError state={state} name="trackingNumber" />
        </div>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Recording…' : 'Ship these items'}
      </button>
    </form>
  );
}

export function MarkDeliveredForm({
  orderId,
  shipment,
}: {
  orderId: string;
  shipment: { id: string; trackingNumber: string };
}) {
  const [state, action, pending] = useActionState(markDeliveredAction, idle);
  return (
    <form action={action} aria-label={`Delivery of ${shipment.trackingNumber}`}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="shipmentId" value={shipment.id} />
      <button type="submit" className="button button--secondary button--small" disabled={pending}>
        {pending ? 'Saving…' : 'Mark delivered'}
      </button>
      <FormNotice state={state} fields={[]} />
    </form>
  );
}

/** Cancels a paid order that has not shipped: a full refund, its items back in stock. */
export function CancelOrderForm({ orderId, requestKey }: { orderId: string; requestKey: string }) {
  const [state, action, pending] = useActionState(cancelOrderAction, idle);
  return (
    <form action={action} aria-label="Cancel the order">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? 'Cancelling…' : 'Cancel the order: all money back, items restocked'}
      </button>
      <FormNotice state={state} fields={[]} />
    </form>
  );
}
