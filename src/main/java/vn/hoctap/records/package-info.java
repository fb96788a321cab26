/**
 * Lifelong learning records: the xAPI Learning Record Store every learning event is written to,
 * and what is derived from it (the per-person summary, the personal record and its transcript).
 */
package vn.hoctap.records;
