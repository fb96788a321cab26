package vn.hoctap.identity.api;

import java.util.List;

/** One page of a list: the items, the total number of matches, and where the page starts. */
public record PageDto<T>(List<T> items, long total, int offset, int limit) {
}
