/** The package version recorded in every verdict's provenance. Kept in step with package.json by a test. */
export const PACKAGE_VERSION = "0.1.0";
