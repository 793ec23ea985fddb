import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukPeriod } from '../shared/uk-dates';

export class MetricNotFoundError extends NotFoundError {
  constructor(metricId: string) {
    super('metricExists', `No scorecard metric with id ${metricId}`);
  }
}

export class MetricAlreadyExistsError extends AlreadyExistsError {
  constructor(metricId: string) {
    super('metricIsNew', `A scorecard metric with id ${metricId} already exists`);
  }
}

export class PeriodFormatError extends InvalidValueError {
  constructor(period: string, expected: string) {
    super('period', 'periodFormat', `period "${period}" does not fit the metric's frequency; expected ${expected}`);
  }
}

export class NotOneOfError extends InvalidValueError {
  constructor(field: string, allowed: readonly string[]) {
    super(field, 'oneOf', `${field} must be one of ${allowed.join(', ')}`);
  }
}

export class NotFiniteError extends InvalidValueError {
  constructor(field: string) {
    super(field, 'finiteNumber', `${field} must be a finite number`);
  }
}

export class NegativeToleranceError extends InvalidValueError {
  constructor(value: number) {
    super('amberTolerance', 'nonNegative', `amberTolerance must be zero or more (or left empty for no amber band), got ${value}`);
  }
}

export class ActionNotInPlanError extends InvalidValueError {
  constructor(actionId: string) {
    super('actionIds', 'actionOfPlan', `Action ${actionId} is not an action of this metric's plan`);
  }
}

export class DefinitionUnchangedError extends RuleViolationError {
  constructor(name: string) {
    super('definitionChanged', `The revision leaves the definition of "${name}" unchanged; nothing to record`);
  }
}

export class FrequencyFixedError extends RuleViolationError {
  constructor(name: string, frequency: string) {
    super(
      'frequencyFixedOncePeriodsRecorded',
      `"${name}" already has ${frequency.toLowerCase().replace(/_/g, ' ')} figures; define a new metric to measure it at another frequency`,
    );
  }
}

export class MeasurementAlreadyExistsError extends AlreadyExistsError {
  constructor(measurementId: string) {
    super('measurementIdUnique', `Measurement ${measurementId} already exists on this metric`);
  }
}

export class MeasurementNotFoundError extends NotFoundError {
  constructor(measurementId: string) {
    super('measurementExists', `No measurement with id ${measurementId} on this metric`);
  }
}

export class PeriodAlreadyMeasuredError extends RuleViolationError {
  constructor(period: string, value: number) {
    super('oneMeasurementPerPeriod', `${ukPeriod(period)} already has a measurement (${value}); correct that measurement instead of recording another`);
  }
}

export class MeasurementNotCurrentError extends RuleViolationError {
  constructor(measurementId: string, supersededBy: string) {
    super(
      'supersedesCurrent',
      `Measurement ${measurementId} was already corrected by ${supersededBy}; only the current measurement of a period can be corrected`,
    );
  }
}
