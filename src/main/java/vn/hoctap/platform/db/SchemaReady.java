package vn.hoctap.platform.db;

/**
 * Fired once, when the schema migrations have been applied on this node. Start-up work that needs
 * the database (the first administrator, the shipped content) observes it, so that it also runs
 * when the database comes up only after the application.
 */
public record SchemaReady(int appliedMigrations) {
}
