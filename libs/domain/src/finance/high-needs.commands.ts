/**
 * The High Needs Block position of a plan's local area: one stream per plan. Amounts arrive as
 * pounds written as decimal strings ("57500000.00") and are turned into exact pence by the
 * decider, so every refusal names the field it came from.
 */
export type StartHighNeedsPosition = {
  type: 'StartHighNeedsPosition';
  data: {
    planId: string;
    /** The first financial year the position is kept for, e.g. "2024/25". */
    firstYear: string;
    /**
     * The cumulative DSG deficit brought forward at 1 April of the first year: the one figure
     * typed rather than derived, since the years before it are not kept here. Negative is a surplus.
     */
    openingCumulativeDeficit: string;
  };
};

/** A year's funding and budget; set again to revise them, with a reason. */
export type SetHighNeedsYear = {
  type: 'SetHighNeedsYear';
  data: {
    planId: string;
    year: string;
    /** The High Needs Block allocation of the DSG for the year, after recoupment and agreed transfers. */
    dsgAllocation: string;
    /** The budgeted High Needs spend for the year. */
    budget: string;
    reason?: string | null;
  };
};

/** A quarter's forecast outturn (High Needs spend for the whole year), with commentary; a later one revises it. */
export type RecordHighNeedsForecast = {
  type: 'RecordHighNeedsForecast';
  data: { planId: string; period: string; forecastOutturn: string; commentary: string };
};

/** The recovery plan's commitment: the cumulative deficit at 31 March of a year, and the Amber tolerance above it. */
export type SetDeficitTrajectory = {
  type: 'SetDeficitTrajectory';
  data: { planId: string; year: string; cumulativeDeficit: string; amberTolerance: string; reason: string };
};

export type HighNeedsCommand = StartHighNeedsPosition | SetHighNeedsYear | RecordHighNeedsForecast | SetDeficitTrajectory;
