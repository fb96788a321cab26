package vn.hoctap.identity.api;

/** Commands the people API accepts. Units and positions are named by their codes. */
public final class PersonRequests {

    private PersonRequests() {
    }

    public record CreatePersonRequest(String username, String fullName, String phone, String email, String staffCode,
                                      String type, String homeUnitCode, String unitCode, String positionCode) {
    }

    public record UpdatePersonRequest(long version, String fullName, String phone, String email, String staffCode,
                                      String homeUnitCode) {
    }

    public record AddPostRequest(String unitCode, String positionCode) {
    }

    public record GrantRoleRequest(String role, String scopeCode) {
    }

    public record CreatedPerson(PersonDto person, String oneTimePassword) {
    }

    public record PasswordReset(String oneTimePassword) {
    }
}
