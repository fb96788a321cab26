/**
 * Mandatory training programmes for public staff: who must finish which courses by when
 * (audience rules over the organisation tree), automatic assignment, and compliance by agency.
 */
package vn.hoctap.training;
