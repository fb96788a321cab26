/**
 * What every feature stands on: the database and its migrations, health, security mechanism,
 * i18n, page infrastructure (static resources, caching, errors) and the audit log.
 * Depends only on {@code shared}, never on a feature.
 */
package vn.hoctap.platform;
