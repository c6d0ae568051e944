import type { Locator, Page } from '@playwright/test';

/**
 * Counts the number formatters the page makes from its first script on: `Intl.NumberFormat`
 * with or without `new`, and `Number#toLocaleString`, which makes one each time (a tab's
 * first costs 30-100 ms of main thread: a page that hydrates prices should get them
 * formatted from the server). Call before `page.goto`; the answer reads the count of the
 * page open now.
 */
export async function countNumberFormats(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const made = { count: 0 };
    Object.assign(window, { numberFormatsMade: made });
    const Original = Intl.NumberFormat;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args) {
        made.count += 1;
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        made.count += 1;
        return Reflect.apply(target, self, args);
      },
    });
    const numberToLocale = Number.prototype.toLocaleString;
    Number.prototype.toLocaleString = function (this: number, ...args) {
      made.count += 1;
      return numberToLocale.apply(this, args);
    };
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { numberFormatsMade: { count: number } }).numberFormatsMade.count,
    );
}

/** Whether React has hydrated the element (it marks each element it takes over). */
export function isHydrated(element: Locator): Promise<boolean> {
  return element.evaluate((node) =>
    Object.keys(node).some((key) => key.startsWith('__reactFiber')),
  );
}
