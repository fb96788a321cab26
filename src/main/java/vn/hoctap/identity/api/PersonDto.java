package vn.hoctap.identity.api;

import vn.hoctap.identity.Person;

import java.util.List;

/** A person as the API shows them to an officer who manages them. */
public record PersonDto(long id, String username, String fullName, String phone, String email, String staffCode,
                        String type, boolean enabled, UnitRef homeUnit, List<PostDto> posts, List<RoleDto> roles,
                        long version) {

    public record UnitRef(String code, String name) {
    }

    public record PostDto(long id, UnitRef unit, String positionCode, String positionName, boolean main) {
    }

    public record RoleDto(long id, String role, UnitRef scope) {
    }

    static PersonDto of(Person p) {
        return new PersonDto(p.getId(), p.getUsername(), p.getFullName(), p.getPhone(), p.getEmail(), p.getStaffCode(),
                p.getAccountType().name(), p.isEnabled(),
                p.getHomeUnit() == null ? null : new UnitRef(p.getHomeUnit().getCode(), p.getHomeUnit().getName()),
                p.getPosts().stream().map(post -> new PostDto(post.getId(),
                        new UnitRef(post.getUnit().getCode(), post.getUnit().getName()),
                        post.getPosition().getCode(), post.getPosition().getName(), post.isMain())).toList(),
                p.getRoleGrants().stream().map(g -> new RoleDto(g.getId(), g.getRole().name(),
                        new UnitRef(g.getScope().getCode(), g.getScope().getName()))).toList(),
                p.getVersion());
    }
}
