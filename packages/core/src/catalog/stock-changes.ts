/**
 * The variants whose stock a request changed, collected while its
 * transactions run and announced to the catalog cache once they have
 * committed (`announceStockChanges`). Recording a change that then rolls
 * back costs one needless cache miss, nothing more.
 */
export class StockChanges {
  readonly variantIds = new Set<string>();

  record(variantId: string): void {
    this.variantIds.add(variantId);
  }

  get size(): number {
    return this.variantIds.size;
  }

  /** What was recorded, leaving nothing: each change is announced once. */
  take(): string[] {
    const ids = [...this.variantIds];
    this.variantIds.clear();
    return ids;
  }
}
