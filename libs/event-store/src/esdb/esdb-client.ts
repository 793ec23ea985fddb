import type { AllStreamResolvedEvent, AppendResult, AppendToStreamOptions, EventData, ReadAllOptions, ReadStreamOptions, ResolvedEvent } from '@kurrent/kurrentdb-client';

/**
 * The part of the KurrentDB client the adapter uses. The adapter takes it as a parameter so its
 * own logic (error mapping, filtering, positions, deadlines) can be driven by the server's
 * recorded answers in unit tests; in the app it is always the real `KurrentDBClient`.
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  dispose(): Promise<void>;
}
