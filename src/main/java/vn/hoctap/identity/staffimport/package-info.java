/**
 * Bulk import of public staff from XLSX or CSV: read, validate every row with its row number,
 * preview, then write everything or nothing. Re-importing a file updates people by staff code.
 */
package vn.hoctap.identity.staffimport;
