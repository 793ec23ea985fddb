import { ACTION_REF_PATTERN } from '@send/domain';

/** Taking and looking up references in the one shape the domain accepts (action-ref.ts there). */
export const ACTION_REF = ACTION_REF_PATTERN;
export const ACTION_REF_MESSAGE = 'ref must look like 8.2 (area number, dot, action number, no leading zeros)';
