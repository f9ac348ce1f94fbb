import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

export interface CorrectionEvent {
  correctionId: string;
  /** The corrected article. */
  articleId: string;
}

/**
 * Topic `correctionAdded` carries every correction; `correctionAdded:article` with an article id carries
 * those on that article or anywhere upstream of it, so a subscriber to one article hears its sources'
 * corrections.
 */
type Topics = { correctionAdded: [CorrectionEvent]; 'correctionAdded:article': [string, CorrectionEvent] };

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export interface EventBus {
  pubsub: PubSub;
  close(): Promise<void>;
}

/**
 * In-process pub/sub, or — with a Redis url — pub/sub that crosses server instances, so a client
 * subscribed on one instance hears a correction made through another.
 * @param channelPrefix keeps separate deployments (or tests) on one Redis apart
 */
export function createEventBus(redisUrl = process.env.REDIS_URL, channelPrefix = 'newsgraph'): EventBus {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const pubsub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  const prefixed = {
    publish: ((topic: string, ...args: unknown[]) =>
      (pubsub.publish as (t: string, ...a: unknown[]) => void)(
        `${channelPrefix}:${topic}`,
        ...args,
      )) as PubSub['publish'],
    subscribe: ((topic: string, ...args: unknown[]) =>
      (pubsub.subscribe as (t: string, ...a: unknown[]) => unknown)(
        `${channelPrefix}:${topic}`,
        ...args,
      )) as PubSub['subscribe'],
  } as PubSub;
  return {
    pubsub: prefixed,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
