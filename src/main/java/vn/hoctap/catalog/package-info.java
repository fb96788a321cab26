/**
 * Digital courses: their versions, the catalogue, enrolment, the lesson player's progress,
 * completion and certificates. Progress and completion are written to the learning record.
 */
package vn.hoctap.catalog;
