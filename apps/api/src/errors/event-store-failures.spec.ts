import { Logger } from '@nestjs/common';
import { AppendTooLargeError, EventStoreAccessDeniedError, EventStoreUnavailableError, WriteOutcomeUnknownError } from '@send/event-store';
import { toGraphQLError } from './to-graphql-error';

describe('An event store failure, as a client is told it', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('says a write that timed out while committing may have been recorded, and to resend it with the same commandId', () => {
    const answer = toGraphQLError(new WriteOutcomeUnknownError('EventStoreDB did not confirm the write to action-1, which it may have recorded: 4 Deadline Exceeded'));

    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', outcomeUnknown: true });
    expect(answer.message).toMatch(/may or may not have been recorded\. Send it again with the same commandId/);
    expect(answer.message).not.toMatch(/nothing was changed/);
  });

  it('says a store that refused the server’s own credentials changed nothing, and whom to ask', () => {
    const answer = toGraphQLError(new EventStoreAccessDeniedError("EventStoreDB refused the app's user (7 Access denied)"));

    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'EVENT_STORE_ACCESS_DENIED' });
    expect(answer.message).toMatch(/refused this server’s own credentials, so nothing was changed/);
    expect(Logger.prototype.error).toHaveBeenCalledWith("EventStoreDB refused the app's user (7 Access denied)");
  });

  it('refuses a change larger than the store takes in one write as the input’s fault, with nothing changed', () => {
    const answer = toGraphQLError(new AppendTooLargeError('action-1', 'EventStoreDB refused the write to action-1: it takes at most 1048576 bytes in one append'));

    expect(answer.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'maxAppendSize' });
    expect(answer.message).toMatch(/nothing was changed/);
  });

  it('keeps "nothing was changed. Try again" for a store that never took the write', () => {
    const answer = toGraphQLError(new EventStoreUnavailableError('EventStoreDB is unavailable: UnavailableError'));

    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(answer.message).toMatch(/nothing was changed\. Try again shortly/);
  });
});
