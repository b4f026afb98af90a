// POST /exchanges/calculate: what POST /exchanges would create, writing nothing.
import { calculationOf, type ExchangeCalculation } from '#shared/domain/exchange-request';
import { type ExchangeAsk, planExchange } from './steps/plan-exchange.ts';

/** The same reads and rules as a creation (so the same refusals), without the write. */
export const calculateExchange = async (ask: ExchangeAsk): Promise<ExchangeCalculation> => calculationOf((await planExchange(ask)).exchange);
