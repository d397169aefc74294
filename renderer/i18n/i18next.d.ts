import 'i18next';
import type { en } from './en';

// `t` knows every key of the English strings: a misspelt key is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
