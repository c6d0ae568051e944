export * from './shipping-options.ts';
export * from './shipping-zones.ts';
