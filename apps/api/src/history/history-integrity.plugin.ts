import { ApolloServerPlugin } from '@apollo/server';
import { historyBreakId } from '@send/domain';
import { ChainIntegrity } from '@send/event-store';
import type { NextFunction, Request, Response } from 'express';

/** What every answer carries while the history is broken: `extensions.history`, and the header for plain HTTP routes. */
export function unverifiedMark(integrity: ChainIntegrity) {
  const { status, firstBreak, acknowledgement } = integrity.snapshot();
  if (status !== 'BROKEN' || !firstBreak) return undefined;
  return {
    verified: false,
    breakId: historyBreakId(firstBreak.position, firstBreak.kind),
    kind: firstBreak.kind,
    position: String(firstBreak.position),
    acknowledged: acknowledgement !== undefined,
    writesRefused: acknowledgement === undefined,
  };
}

/**
 * While the history is broken every GraphQL answer says so in `extensions.history`, whatever it
 * asked: the read models were built from a history that no longer verifies, so nothing in them is
 * vouched for. An intact history adds nothing, so the common answer stays as it was.
 */
export function historyIntegrityPlugin(integrity: ChainIntegrity): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const mark = unverifiedMark(integrity);
          if (!mark || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, history: mark };
        },
      };
    },
  };
}

/** The same for downloads and pages: `X-History-Verified: false` and the break, on every response while it stands. */
export function historyIntegrityHeader(integrity: ChainIntegrity) {
  return (_request: Request, response: Response, next: NextFunction): void => {
    const mark = unverifiedMark(integrity);
    if (mark) {
      response.setHeader('X-History-Verified', 'false');
      response.setHeader('X-History-Break', `${mark.breakId}${mark.acknowledged ? '; acknowledged' : ''}`);
    }
    next();
  };
}
