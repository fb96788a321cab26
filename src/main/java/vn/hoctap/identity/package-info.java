/**
 * People, their accounts and posts, the province's organisation tree, job positions, and roles
 * held over a node of the tree. Every feature may use it; it uses only {@code shared} and
 * {@code platform}.
 */
package vn.hoctap.identity;
