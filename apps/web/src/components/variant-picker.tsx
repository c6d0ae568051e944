import type { ProductDetail } from '@edgecart/core';
import Link from '~/components/link';
import { optionChoices } from '~/lib/variant-selection';

type Variant = ProductDetail['variants'][number];

/**
 * One group of links per option: picking a value is following a link, so the
 * chosen variant lives in the URL and the picker works with the keyboard alone.
 */
export function VariantPicker({ product, current }: { product: ProductDetail; current: Variant }) {
  return (
    <div className="picker">
      {product.options.map((option) => (
        <fieldset key={option.name} className="picker__option">
          <legend>
            {option.name}: <strong>{current.options[option.name]}</strong>
          </legend>
          <ul className="picker__values">
            {optionChoices(product, option, current).map((choice) => (
              <li key={choice.value}>
                <Link
                  href={choice.href}
                  replace
                  scroll={false}
                  className="picker__value"
                  data-value={choice.value}
                  aria-current={choice.selected ? 'true' : undefined}
                  data-unavailable={choice.inStock ? undefined : 'true'}
                >
                  {choice.value}
                  {choice.inStock ? null : (
                    <span className="sr-only">
                      {choice.exists ? ' (out of stock)' : ' (not available with this selection)'}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
