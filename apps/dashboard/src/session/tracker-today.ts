import { londonDateOf } from '@send/domain';

/**
 * Today as the tracker judges it: the UK day of the API's clock, carried forward by the time
 * elapsed on this device since the API said it. A laptop set to another time zone, or to the
 * wrong date, then still offers the date the API accepts as "not in the future", and a page left
 * open past midnight moves on to the next day. Only the device's measure of elapsed time is used.
 */
export function trackerToday(apiNow: string, receivedAtMs: number, deviceNowMs: () => number = Date.now): () => string {
  const skewMs = Date.parse(apiNow) - receivedAtMs;
  return () => londonDateOf(new Date(deviceNowMs() + skewMs).toISOString());
}
