/**
 * Assessment: question banks, quizzes drawn from them, attempts whose every answer is saved as it
 * is given, and grading. The grading rules are plain Java ({@link vn.hoctap.assessment.Grading}).
 */
package vn.hoctap.assessment;
