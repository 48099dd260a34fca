/** Engine version, carried by every result so a decision can be traced later. */
export const ENGINE_VERSION = '0.1.0';
