type ArabicForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A catalogue's keys, a counted sentence with Arabic's six forms in place of English's two. */
export type InArabic<T> = {
  readonly [A in keyof T]: {
    readonly [K in keyof T[A] as K extends `${infer B}_other` ? `${B}_${ArabicForm}` : K extends `${string}_one` ? never : K]: string;
  };
};
