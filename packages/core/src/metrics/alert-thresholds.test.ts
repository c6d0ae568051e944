import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THRESHOLDS, parseAlertThresholds } from './alert-thresholds.ts';

describe('alert thresholds', () => {
  it('take name=value pairs over the defaults', () => {
    expect(parseAlertThresholds(undefined)).toEqual(DEFAULT_ALERT_THRESHOLDS);
    expect(parseAlertThresholds(' errorRate=0.02, p99Ms=2000 ')).toEqual({
      ...DEFAULT_ALERT_THRESHOLDS,
      errorRate: 0.02,
      p99Ms: 2000,
    });
  });

  it('refuse, naming it, what is not one of them', () => {
    expect(() => parseAlertThresholds('errorRate')).toThrow('"errorRate" is not name=value');
    expect(() => parseAlertThresholds('errorRate=high')).toThrow(
      'errorRate: "high" is not a number',
    );
    expect(() => parseAlertThresholds('errorRate=2')).toThrow(/^errorRate: /);
    expect(() => parseAlertThresholds('errrorRate=0.1')).toThrow(/errrorRate/);
    expect(() => parseAlertThresholds('windowMinutes=1.5')).toThrow(/^windowMinutes: /);
  });
});
