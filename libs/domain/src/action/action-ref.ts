/**
 * An action reference reads "area.number" (8.2), a letter allowed after it (8.2a), with no
 * leading zeros: the read models order, page and look up references by their numbers, so 8.02
 * would stand where 8.2 stands while being another action.
 */
export const ACTION_REF_PATTERN = /^[1-9]\d*\.(?:0|[1-9]\d*)[a-z]?$/;

/** 8.02 → 8.2: how a reference with leading zeros should have been written. */
export const withoutLeadingZeros = (ref: string) => ref.replace(/(^|\.)0+(\d)/g, '$1$2');
