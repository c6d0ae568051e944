/**
 * Tracking pages of the carriers a shop commonly uses, by name as an admin
 * types it (any case). `{number}` is replaced by the tracking number, URL-encoded.
 * Another carrier is allowed; its shipments carry no link.
 */
export const trackingTemplates: Record<string, string> = {
  ups: 'https://www.ups.com/track?tracknum={number}',
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr={number}',
  dhl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}',
  'royal mail': 'https://www.royalmail.com/track-your-item#/tracking-results/{number}',
  'canada post':
    'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}',
  dpd: 'https://track.dpd.co.uk/parcels/{number}',
};

/** The tracking page of a shipment, or null for a carrier without a template. */
export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const template = trackingTemplates[carrier.trim().toLowerCase()];
  return template ? template.replace('{number}', encodeURIComponent(trackingNumber.trim())) : null;
}
