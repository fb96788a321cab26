package vn.hoctap.shared;

import java.util.List;

/** One page of a list that is paged in the database, with the total count of matches. */
public record PageResult<T>(List<T> items, long total, int offset, int limit) {
}
