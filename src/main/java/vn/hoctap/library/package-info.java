/**
 * The shared library of learning materials (học liệu số dùng chung): upload once, type checked
 * from the bytes, text extracted in an isolated process, described, reviewed, published,
 * found by Vietnamese full-text search, previewed, versioned and reused.
 */
package vn.hoctap.library;
