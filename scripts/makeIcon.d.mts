/** See makeIcon.mjs. */
export declare function iconPng(): Buffer;
