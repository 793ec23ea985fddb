/** Injection token for the AppConfig the app was started with. */
export const APP_CONFIG = Symbol('APP_CONFIG');
