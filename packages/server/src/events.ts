import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

export interface CorrectionEvent {
  correctionId: string;
  /** The corrected article. */
  articleId: string;
}

/**
 * Topic `correctionAdded` carries every correction; `correctionAdded:<articleId>` carries those on the
 * article or anywhere upstream of it, so a subscriber to one article hears its sources' corrections.
 */
export type EventBus = ReturnType<typeof createEventBus>;

/** In-process pub/sub, or across instances through Redis when a url is given. */
export function createEventBus(redisUrl = process.env.REDIS_URL) {
  if (!redisUrl) {
    return createPubSub<{ correctionAdded: [CorrectionEvent]; 'correctionAdded:article': [string, CorrectionEvent] }>();
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  return createPubSub<{ correctionAdded: [CorrectionEvent]; 'correctionAdded:article': [string, CorrectionEvent] }>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
}
