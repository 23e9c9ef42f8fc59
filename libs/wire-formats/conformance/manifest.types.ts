/** One entry of the Superdesk conformance corpus manifest (`MANIFEST.json`). */
export interface ManifestEntry {
  /** Path relative to the corpus folder: "nitf/aap.xml". */
  file: string;
  /** Human label: "NITF", "ANPA-1312 (AP)". */
  format: string;
  /** The Superdesk parser (or feeding service) the expectations belong to. */
  parser: string;
  source_test: string;
  origin: string;
  /** Expected values by key: "headline", "[0].guid", "body_html__contains", … */
  expect: Record<string, unknown>;
  notes?: string;
}
