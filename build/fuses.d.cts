// Types for build/fuses.cjs, for the unit tests.
export declare const fuses: Readonly<Record<string, boolean>>;
export declare const PLACEHOLDER_MARKER: string;
export declare function fuseConfigFor(
  api: { FuseVersion: { V1: string }; FuseV1Options: Record<string, number | string> },
  target: { platform: string; arch: string },
): Record<string | number, unknown>;
