import { InvalidValueError } from '../shared/domain-error';
import { REPORTABLE_RAG_STATUSES, ReportableRag } from './rag-status';

/** An owner rates Red, Amber or Green; Blue only comes from the board marking the action complete. */
export function requireReportableRag(rag: string): ReportableRag {
  if (!(REPORTABLE_RAG_STATUSES as readonly string[]).includes(rag)) {
    throw new InvalidValueError('rag', 'isIn:RED,AMBER,GREEN', `rag must be RED, AMBER or GREEN; Blue is reached by marking the action complete`);
  }
  return rag as ReportableRag;
}
