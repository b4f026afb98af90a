// PUT /admin/stock/{sku}: sets a SKU's level (starts tracking it) or adjusts it by ±n.
import { getStock, StockConditionFailed, writeStockChange } from '#shared/adapters/stock-repo';
import { type StockChange, type StockLevel, stockRefusal } from '#shared/domain/stock';

export interface SetStock {
  readonly sku: string;
  readonly change: StockChange;
  readonly ifMatch: number | undefined;
  readonly now: string;
}

/** One conditional write; when its condition fails, the level read after it says why (412, 409 or 422). */
export const setStock = async ({ sku, change, ifMatch, now }: SetStock): Promise<StockLevel> => {
  try {
    await writeStockChange(sku, change, ifMatch, now);
  } catch (error) {
    if (error instanceof StockConditionFailed) throw stockRefusal(await getStock(sku), change, ifMatch);
    throw error;
  }
  return getStock(sku);
};
