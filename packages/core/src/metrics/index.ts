export * from './alert-thresholds.ts';
export * from './alerts.ts';
export * from './analytics-reader.ts';
export * from './business-events.ts';
export * from './dashboard.ts';
export * from './layout.ts';
