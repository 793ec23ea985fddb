/** A setting is missing, malformed or unsafe: the app refuses to start and names it. */
export class ConfigurationError extends Error {}
