import type { Money } from '../money.ts';
import type { TitlePart } from './product-search.ts';
import type { StockState } from './stock.ts';

export interface CatalogImage {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface ProductSummary {
  id: string;
  slug: string;
  title: string;
  /** The lowest variant price: "from $X". */
  priceFrom: Money;
  /** The highest variant price; equal to priceFrom when all variants cost the same. */
  priceTo: Money;
  stockState: StockState;
  image: CatalogImage | null;
  /** In search results: the title with the words that matched marked, to highlight them. */
  titleParts?: TitlePart[];
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductVariant {
  id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  price: Money;
  stockState: StockState;
  /** How many are left, told only when few are (low stock). */
  remaining: number | null;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  options: ProductOption[];
  variants: ProductVariant[];
  images: CatalogImage[];
  collections: { slug: string; title: string }[];
}

export interface CollectionSummary {
  slug: string;
  title: string;
  description: string;
  featured: boolean;
  productCount: number;
}

export interface ProductPage {
  items: ProductSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * The search found nothing as typed, and these are the results of this
   * corrected one ("Did you mean …"); pass it as `q` for the next page.
   */
  searchedFor?: string;
}
