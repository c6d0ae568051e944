import { type CollectionSummary, productSorts, sortLabels } from '@edgecart/core';
import { defaultSort, type ProductQuery } from '~/lib/product-query';

/**
 * Search, filters and sort as a plain GET form: every view is a URL, and it
 * works before (or without) JavaScript.
 */
export function ListingFilters({
  action,
  query,
  collections,
}: {
  action: string;
  query: ProductQuery;
  /** Offered as a filter where the page is not already one collection. */
  collections?: CollectionSummary[];
}) {
  return (
    <form className="filters" action={action} method="get" aria-label="Filter products">
      <div className="field field--grow">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
      </div>
      {collections ? (
        <div className="field">
          <label htmlFor="filter-collection">Collection</label>
          <select id="filter-collection" name="collection" defaultValue={query.collection ?? ''}>
            <option value="">All</option>
            {collections.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="field field--range">
        <legend>Price ($)</legend>
        <label htmlFor="filter-min" className="sr-only">
          Lowest price in dollars
        </label>
        <input
          id="filter-min"
          name="min"
          type="number"
          min={0}
          step={1}
          placeholder="Min"
          defaultValue={query.min}
          inputMode="numeric"
        />
        <span aria-hidden="true">–</span>
        <label htmlFor="filter-max" className="sr-only">
          Highest price in dollars
        </label>
        <input
          id="filter-max"
          name="max"
          type="number"
          min={0}
          step={1}
          placeholder="Max"
          defaultValue={query.max}
          inputMode="numeric"
        />
      </fieldset>
      <div className="field field--check">
        <input
          id="filter-stock"
          name="stock"
          type="checkbox"
          value="in"
          defaultChecked={query.inStock}
        />
        <label htmlFor="filter-stock">In stock only</label>
      </div>
      <div className="field">
        <label htmlFor="filter-sort">Sort by</label>
        {/* "": the default, so that a new search lists the best matches first. */}
        <select
          id="filter-sort"
          name="sort"
          defaultValue={query.sort === defaultSort(query.q) ? '' : query.sort}
        >
          <option value="">{sortLabels[defaultSort(query.q)]}</option>
          {productSorts
            .filter((sort) => sort !== 'relevance' && sort !== defaultSort(query.q))
            .map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
