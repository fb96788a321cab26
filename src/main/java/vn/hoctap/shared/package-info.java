/**
 * Small pieces every feature uses: Vietnamese text folding, phone numbers, paging, time.
 * Depends on nothing else in the platform.
 */
package vn.hoctap.shared;
