import type { ProductDetail } from '@edgecart/core';

type Variant = ProductDetail['variants'][number];
type Option = ProductDetail['options'][number];
type SearchParams = Record<string, string | string[] | undefined>;

/** The URL key of an option: `Colour` → `colour`. */
export const optionKey = (name: string) => name.toLowerCase();

/** The options a URL picks, e.g. ?size=M&colour=Forest → { Size: 'M', Colour: 'Forest' }. */
export function selectionFromParams(
  options: Option[],
  params: SearchParams,
): Record<string, string> {
  const selection: Record<string, string> = {};
  for (const option of options) {
    const raw = params[optionKey(option.name)];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && option.values.includes(value)) selection[option.name] = value;
  }
  return selection;
}

const matches = (variant: Variant, selection: Record<string, string>) =>
  Object.entries(selection).every(([name, value]) => variant.options[name] === value);

/**
 * The variant a selection shows: the one that matches it, preferring one in
 * stock where the selection leaves options open. Null when nothing matches.
 */
export function selectVariant(
  variants: Variant[],
  selection: Record<string, string>,
): Variant | null {
  const candidates = variants.filter((v) => matches(v, selection));
  return candidates.find((v) => v.stockState !== 'out_of_stock') ?? candidates[0] ?? null;
}

/** The URL of a product with a variant picked: every option spelled out, so it is a link. */
export function variantHref(slug: string, variant: Pick<Variant, 'options'>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(variant.options)) search.set(optionKey(name), value);
  const text = search.toString();
  return text ? `/products/${slug}?${text}` : `/products/${slug}`;
}

export interface OptionChoice {
  value: string;
  selected: boolean;
  /** False when no variant has this value together with the other options picked. */
  exists: boolean;
  inStock: boolean;
  href: string;
}

/** Each value of an option, with where picking it leads and whether that can be bought. */
export function optionChoices(
  product: Pick<ProductDetail, 'slug' | 'variants'>,
  option: Option,
  current: Variant,
): OptionChoice[] {
  return option.values.map((value) => {
    const wanted = { ...current.options, [option.name]: value };
    const exact = product.variants.find((v) => matches(v, wanted));
    const target = exact ?? selectVariant(product.variants, { [option.name]: value }) ?? current;
    return {
      value,
      selected: current.options[option.name] === value,
      exists: exact !== undefined,
      inStock: exact !== undefined && exact.stockState !== 'out_of_stock',
      href: variantHref(product.slug, target),
    };
  });
}
