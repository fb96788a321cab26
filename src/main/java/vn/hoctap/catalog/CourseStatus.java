package vn.hoctap.catalog;

/** Where a version of a course stands: a draft is edited, one version is published, older ones are retired. */
public enum CourseStatus {
    DRAFT, PUBLISHED, RETIRED
}
